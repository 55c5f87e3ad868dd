"""Draft replies per action from the policy's templates. Pure Python, no Django."""

from somevakt.replies.drafting import PLACEHOLDER_RE, ReplyDrafter, needs_completion
from somevakt.replies.topics import topic_of

__all__ = ["PLACEHOLDER_RE", "ReplyDrafter", "needs_completion", "topic_of"]
