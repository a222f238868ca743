"""The wiki bot: pywikibot's bot classes and generators, relbot's fixes, live-wiki safety.

- ``site``: pywikibot's configuration and login, the account's rights and blocks, pages
  preloaded with their protection;
- ``permission``: may the bot edit this page ({{bots}}/{{nobots}}, in-use templates, protection);
- ``save``: the one save path, and what happens when the wiki says no (its module docstring is
  the table of refusals and what each becomes);
- ``changes``: the incremental plan of a scheduled run (recent changes, membership cache);
- ``run``: the scheduled run; ``tasks``: apply a reviewed bundle, undo a run, publish a page.

pywikibot is imported only inside functions: it reads its configuration at import.
"""

from __future__ import annotations

from typing import Callable

#: Test seam: when set, a bot run calls ``before_save(page, outcome)`` between reading and fixing
#: a page and each attempt to save it (the tests make a human edit there, so that the save meets
#: a real edit conflict). Always None in use.
before_save: Callable[[object, object], None] | None = None

from .permission import edit_block, protection_block  # noqa: E402
from .run import (OUTCOMES, SCOPES, PageResult, RunOptions, RunResult, diff_text, run_bot,  # noqa: E402
                  summary_text)
from .save import Saved, Shutoff, Stop, save  # noqa: E402
from .site import (Account, WikiError, check_account, check_password_file, connect, preload,  # noqa: E402
                   pywikibot_dir)
from .tasks import apply_bundle, publish, read_exceptions, run_tag, shutoff_title, undo_run, wiki_pages  # noqa: E402

__all__ = ["OUTCOMES", "SCOPES", "Account", "PageResult", "RunOptions", "RunResult", "Saved", "Shutoff", "Stop",
           "WikiError", "apply_bundle", "before_save", "check_account", "check_password_file", "connect",
           "diff_text", "edit_block", "preload", "protection_block", "publish", "pywikibot_dir", "read_exceptions",
           "run_bot", "run_tag", "save", "shutoff_title", "summary_text", "undo_run", "wiki_pages"]
