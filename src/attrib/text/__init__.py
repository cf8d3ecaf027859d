"""Plain-text structure the stages share: paragraphs, sentences and quotations."""

from .quotes import Quote, find_quotes
from .sentences import split_sentences

__all__ = ["Quote", "find_quotes", "split_sentences"]
