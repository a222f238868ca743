#!/bin/sh
# Mutation check of the core with mutmut 3 (issue 17; a bench, never CI). Config: [tool.mutmut]
# in pyproject.toml (files: bot/fixes.py, bot/validate.py, bot/rules/*; the fast offline tests).
# Install: pip install -e '.[mutation]'. mutmut works in ./mutants/ (gitignored) and keeps its
# results there, so a stopped run resumes where it was.
#
#   bench/mutmut.sh                      # every mutant (hours on 2 shared cores)
#   bench/mutmut.sh 'bot.fixes.*'        # the mutants of one file (a glob on the mutant names)
#   bench/mutmut.sh 'bot.fixes.x_choose__mutmut_12'   # re-run one mutant
#   mutmut results                       # the mutants not killed; mutmut show NAME: its diff
#
# One worker, lowest priority: the machine is shared. Stop with Ctrl-C; results are kept.
set -e
cd "$(dirname "$0")/.."
exec nice -n 19 mutmut run --max-children "${MUTMUT_CHILDREN:-1}" "$@"
