"""Reply templates: a sandboxed Jinja2 environment and the context templates may use.

Templates come from a policy file that a municipality edits, so they run sandboxed
(no attribute tricks, no imports) and with StrictUndefined (a misspelt variable is an
error when the policy loads, not a blank in a reply to a resident).

Templates never see the comment's text. What they may use:

- ``municipality.name``, ``municipality.website``
- ``contact.email``, ``.web_form``, ``.phone``, ``.postal_address``, ``.visiting_address``,
  ``.opening_hours`` (in the template's language)
- ``links.website``, ``.budget``, ``.organisation``, ``.political_documents``
- ``referral_mode``: ``"resident_resubmits"`` or ``"municipality_forwards"``
- ``topic``: a fixed label for what the comment is about ("brøyting"), or none
- ``link`` and ``link_topic``: for link_website, the page to point to and what it covers
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

if TYPE_CHECKING:
    from somevakt.guideline.schema import Policy

_ENV = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,  # plain text for the platform; the web app escapes where it shows it
    trim_blocks=True,
    lstrip_blocks=True,
)

_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def compile_template(source: str) -> Template:
    """Compile one template; raises jinja2.TemplateSyntaxError with the line number."""
    return _ENV.from_string(source)


def tidy(rendered: str) -> str:
    """Collapse the whitespace a template's blocks leave behind; keep paragraph breaks."""
    lines = [_SPACES.sub(" ", line).strip() for line in rendered.strip().splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def base_context(policy: Policy, lang: str) -> dict[str, Any]:
    """The policy's part of the template context (the same for every reply in ``lang``)."""
    contact = policy.contact.model_dump()
    contact["opening_hours"] = contact["opening_hours"]["nn" if lang == "nn" else "nb"]
    return {
        "municipality": policy.municipality.model_dump(),
        "contact": contact,
        "links": policy.links.model_dump(),
        "referral_mode": policy.settings.referral_mode,
    }


def sample_contexts(policy: Policy, lang: str) -> list[dict[str, Any]]:
    """Contexts that exercise every branch a template may take, for validation at load."""
    base = base_context(policy, lang)
    topic = "brøyting"
    out = []
    for mode in ("resident_resubmits", "municipality_forwards"):
        for t in (None, topic):
            ctx = dict(base, referral_mode=mode, topic=t)
            ctx["link"] = policy.links.budget
            ctx["link_topic"] = "budsjett og økonomi"
            out.append(ctx)
    return out
