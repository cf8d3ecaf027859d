"""attrib: source attribution and reliability checking for news articles."""

__version__ = "0.1.0"
