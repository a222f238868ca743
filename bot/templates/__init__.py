"""Jinja2 templates of the HTML pages (autoescape on; see bot/htmlpages.py)."""
