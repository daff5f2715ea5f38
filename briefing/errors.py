"""The errors the core raises. Every message is translated at the moment it is shown."""

from __future__ import annotations

from typing import Any


class BriefingError(Exception):
    """Base of every error the user may see: a catalog key and its parameters."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        from briefing.i18n import tr

        return tr(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


class InputError(BriefingError):
    """Bad input from the user: a file, an argument or a field. Nothing was changed.

    ``field_name`` is the field of an item the input is about, as data ("" when none), so that a
    form shows the message under that field.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, **params)
        self.field_name = ""


class ValidationError(InputError):
    """A value in the domain model is wrong; ``path`` names the field, e.g. ``stakeholders[3].influence``;
    ``field_name`` is that field of the outermost item checked (``influence``)."""

    def __init__(self, path: str, key: str, field_name: str = "", **params: Any) -> None:
        super().__init__(key, path=path, **params)
        self.path = path
        self.field_name = field_name

    def in_file(self, file: str) -> InputError:
        """The same error, now also naming the file it came from."""
        return InputError("error.in_file", file=file, detail=self)
