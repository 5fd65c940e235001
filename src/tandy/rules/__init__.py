"""Stage 4: review as staff would — rules over proxy statements and response letters."""

from tandy.rules.catalogue import all_rules, rule_by_id
from tandy.rules.config import Config, load_config
from tandy.rules.engine import review
from tandy.rules.model import Check, Finding, Review, Subject

__all__ = ["Check", "Config", "Finding", "Review", "Subject", "all_rules", "load_config", "review", "rule_by_id"]
