"""The JSON Schemas in ``schemas/``: loading, validators, and policy errors as findings."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema
from referencing import Registry, Resource


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    """``name`` without the ``.schema.json`` suffix (``article``, ``policy``, ``report`` …)."""
    return json.loads(resources.files("bot.schemas").joinpath(f"{name}.schema.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources_ = []
    for entry in resources.files("bot.schemas").iterdir():
        if entry.name.endswith(".schema.json"):
            schema = json.loads(entry.read_text("utf-8"))
            resources_.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources_)


def validator_for(schema: dict) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=_registry(), format_checker=cls.FORMAT_CHECKER)


@lru_cache(maxsize=None)
def validator(name: str) -> jsonschema.protocols.Validator:
    return validator_for(load_schema(name))


def rule_of(schema: dict, schema_path: list) -> str | None:
    """The ``x-rule`` annotation nearest to the failing keyword on its schema path."""
    node, code = schema, schema.get("x-rule")
    for step in schema_path[:-1]:
        node = node[step]
        if isinstance(node, dict) and "x-rule" in node:
            code = node["x-rule"]
    return code
