"""Deadlines, states and the overdue rule, as pure functions of a tag and its record.

- The deadline (整改时限) is the one a person set, else the round's meeting day (the day
  units are told) plus the code book's days for the category and severity; a round
  without a meeting day counts from the day the problem was tagged. A problem found back
  (反弹) after it was rectified counts from the meeting of the round that found it
  (reviewer/campaign/view.recurred_in); one found not rectified keeps its deadline.
- A problem is resolved when it is closed (销号), when re-inspection found it rectified,
  or, with no verdict yet, when its unit reports it rectified (or it needs no action);
  a verdict other than rectified means it is not. It was resolved on the day the unit
  gave (整改完成时间); without one it counts as resolved on any day, so verifying or
  closing later never makes an earlier round's assessment change.
- Overdue on a day: the deadline is before that day and it was not resolved by then.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reviewer.campaign.model import Rectification, Round
from reviewer.codebook.rules import CampaignRules
from reviewer.store.model import Tag

DONE_STATUSES = ("rectified", "not_required")
OPEN_VERDICTS = ("unrectified", "recurred", "partial")


def stamp_date(stamp: str | None) -> date | None:
    """The calendar day of an ISO stamp (UTC 'Z' stamps as written by the store)."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def base_date(tag: Tag, round_: Round) -> date:
    return round_.end_on or stamp_date(tag.created_at) or date.today()


def default_deadline(tag: Tag, round_: Round, rules: CampaignRules) -> date:
    return base_date(tag, round_) + timedelta(days=rules.deadline(tag.category_id, tag.severity))


def deadline(tag: Tag, round_: Round, record: Rectification, rules: CampaignRules) -> date:
    return record.deadline or default_deadline(tag, round_, rules)


def state(tag: Tag, record: Rectification) -> str:
    """closed, else the verdict, else the unit's reported status (a STATE_LABELS key)."""
    if record.closed:
        return "closed"
    return record.verdict or tag.status


def resolved_on(tag: Tag, record: Rectification) -> tuple[bool, date | None]:
    """(resolved, since when); a date of None with True means resolved on an unknown day."""
    if record.verdict is not None and record.verdict != "rectified":
        return False, None
    if record.closed or record.verdict == "rectified" or tag.status in DONE_STATUSES:
        return True, record.rectified_on
    return False, None


def resolved_by(tag: Tag, record: Rectification, day: date) -> bool:
    done, when = resolved_on(tag, record)
    return done and (when is None or when <= day)


def overdue(tag: Tag, record: Rectification, due: date, as_of: date) -> bool:
    return due < as_of and not resolved_by(tag, record, as_of)


def may_close(tag: Tag, record: Rectification) -> bool:
    """Closing (销号) needs the problem rectified: verified so, or reported with no verdict."""
    if record.verdict is not None:
        return record.verdict == "rectified"
    return tag.status in DONE_STATUSES
