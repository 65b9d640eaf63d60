"""deckgen: mine the key terms of Chinese texts and package them as Anki decks."""

__version__ = "0.1.0"
