"""Draft replies per action, from the policy's templates (sandboxed Jinja2).

Only answer, correct, thank, refer, refer_political and link_website get a draft; delete,
hide_and_escalate and none get None. The language follows the comment: nynorsk ("nn") gets
the nynorsk template, anything else bokmål. Templates see the policy and a fixed topic label,
never the comment's text, so a reply cannot quote sensitive data.
"""

from __future__ import annotations

import re

from jinja2 import Template

from somevakt.analysis.normalize import Folded
from somevakt.guideline.schema import REPLY_ACTIONS, Policy
from somevakt.guideline.templating import base_context, compile_template, tidy
from somevakt.replies.topics import is_about_organisation, topic_of

# Text the employee must complete before sending: «[fyll inn svar]».
PLACEHOLDER_RE = re.compile(r"\[fyll inn[^\]]*\]")

_LINK_TOPIC = {
    ("budget", "nb"): "budsjett og økonomi",
    ("budget", "nn"): "budsjett og økonomi",
    ("organisation", "nb"): "kommunens organisering",
    ("organisation", "nn"): "organiseringa av kommunen",
}
# A topic label is no use where the reply must say nothing about the case.
_NO_TOPIC_ACTIONS = frozenset({"refer", "refer_political", "link_website"})


def needs_completion(reply: str | None) -> bool:
    """True when a draft still holds a «[fyll inn ...]» placeholder."""
    return reply is not None and bool(PLACEHOLDER_RE.search(reply))


class ReplyDrafter:
    """Compiles each of the policy's templates once, on first use (the policy loader has
    already checked that they all compile and render); ``draft`` renders one reply."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._base = {lang: base_context(policy, lang) for lang in ("nb", "nn")}
        self._sources: dict[tuple[str, str], str] = {
            (action, lang): getattr(pair, lang)
            for action, pair in policy.templates.items()
            for lang in ("nb", "nn")
        }
        self._templates: dict[tuple[str, str], Template] = {}
        # A draft depends on the comment only through (action, language, topic, page): the
        # rendered, tidied text per such key, so each is rendered once. Bounded by the
        # policy's actions x 2 languages x the fixed topics x 2 pages.
        self._rendered: dict[tuple[str, str, str | None, str], str | None] = {}

    def _template(self, action: str, lang: str) -> Template | None:
        template = self._templates.get((action, lang))
        if template is None:
            source = self._sources.get((action, lang))
            if source is None:
                return None
            template = compile_template(source)
            self._templates[(action, lang)] = template
        return template

    def draft(
        self, action: str, text: str, lang: str | None, *, folded: Folded | None = None
    ) -> str | None:
        """The draft reply for ``action`` to a comment ``text``, or None for no reply.

        ``folded``: ``fold(text)`` if the caller already has it."""
        if action not in REPLY_ACTIONS:
            return None
        reply_lang = "nn" if lang == "nn" else "nb"
        topic = None
        if action not in _NO_TOPIC_ACTIONS:
            topic = topic_of(text, reply_lang, folded=folded)
        page = "budget"
        if action == "link_website" and is_about_organisation(text, folded=folded):
            page = "organisation"
        key = (action, reply_lang, topic, page)
        if key in self._rendered:
            return self._rendered[key]
        reply = self._render(action, reply_lang, topic, page)
        self._rendered[key] = reply
        return reply

    def _render(self, action: str, reply_lang: str, topic: str | None, page: str) -> str | None:
        template = self._template(action, reply_lang)
        if template is None:  # the policy loader makes this impossible for used actions
            return None
        ctx = dict(self._base[reply_lang])
        ctx["topic"] = topic
        ctx["link"] = getattr(self.policy.links, page)
        ctx["link_topic"] = _LINK_TOPIC[(page, reply_lang)]
        return tidy(template.render(ctx))
