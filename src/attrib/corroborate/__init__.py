"""Corroboration: each statement's content looked for in other coverage of the story.

The package is imported piece by piece (``corroborate.match``, ``corroborate.stream``):
matching needs rapidfuzz and numpy, gathering the HTTP client, and a plain check needs
neither."""
