"""Load and validate a policy file; a bad policy fails with the file, the field and why."""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pydantic import ValidationError

from somevakt.guideline.schema import Policy, reference_problems
from somevakt.guideline.templating import compile_template, sample_contexts

# The packaged default. policies/birkenes.toml in the repository is a link to this file,
# so there is one source of truth that also ships with an installed somevakt.
DEFAULT_POLICY_NAME = "birkenes.toml"


class PolicyError(ValueError):
    """A policy that cannot be used. ``problems`` holds (dotted field, what is wrong)."""

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"invalid policy {source}:"]
        lines += [f"  {field}: {message}" if field else f"  {message}" for field, message in problems]
        super().__init__("\n".join(lines))


def default_policy_file() -> Traversable:
    return resources.files("somevakt.guideline").joinpath("policies", DEFAULT_POLICY_NAME)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read, parse and validate a policy (the packaged Birkenes policy when path is None)."""
    if path is None:
        source = f"<packaged {DEFAULT_POLICY_NAME}>"
        raw = default_policy_file().read_bytes()
    else:
        source = str(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise PolicyError(source, [("", f"cannot read the file: {exc.strerror}")]) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise PolicyError(source, [("", f"not UTF-8 (byte {exc.start})")]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(source, [("", f"invalid TOML: {exc}")]) from exc
    return policy_from_dict(data, source)


def policy_from_dict(data: dict[str, Any], source: str = "<policy>") -> Policy:
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(source, [_describe(e) for e in exc.errors()]) from exc
    problems = reference_problems(policy) + template_problems(policy)
    if problems:
        raise PolicyError(source, problems)
    return policy


def template_problems(policy: Policy) -> list[tuple[str, str]]:
    """Every template must compile and render in every branch (both referral modes...)."""
    problems: list[tuple[str, str]] = []
    for action, pair in policy.templates.items():
        for lang in ("nb", "nn"):
            field = f"templates.{action}.{lang}"
            source = getattr(pair, lang)
            try:
                template = compile_template(source)
            except TemplateSyntaxError as exc:
                problems.append((field, f"template syntax error at line {exc.lineno}: {exc.message}"))
                continue
            for ctx in sample_contexts(policy, lang):
                try:
                    rendered = template.render(ctx)
                except Exception as exc:  # UndefinedError, SecurityError, TypeError, ...
                    problems.append((field, f"template does not render: {exc}"))
                    break
                if not rendered.strip():
                    problems.append((field, "template renders to an empty reply"))
                    break
    return problems


def _describe(err: Any) -> tuple[str, str]:
    loc = [str(p) for p in err["loc"] if p != "[key]"]
    field = ".".join(loc)
    kind = err["type"]
    if kind == "missing":
        return field, "missing"
    if kind == "extra_forbidden":
        return field, "unknown field (check the spelling)"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        what = "key" if err["loc"] and err["loc"][-1] == "[key]" else "value"
        return field, f"{what} {err['input']!r} is not allowed; expected {expected}"
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return field, message
