"""relbot: validator and bot for bilateral-relations articles."""

__version__ = "0.1.0"
