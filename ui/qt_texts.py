"""Qt's own texts in the app's language: standard buttons (Save, Cancel, Yes, No), the context
menu of text fields, the file dialogs. Qt ships them as ``qtbase_<lang>.qm``; English needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def use(lang: str) -> bool:
    """Show Qt's texts in ``lang`` from now on; False when Qt has no translation for it (English stays)."""
    app = QCoreApplication.instance()
    if app is None or (lang == "en" and not _installed):
        return app is not None  # English from the start: nothing to load or undo
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    danish = lang == "da"
    QLocale.setDefault(QLocale(QLocale.Language.Danish if danish else QLocale.Language.English))  # calendars
    if lang == "en":
        return True
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
