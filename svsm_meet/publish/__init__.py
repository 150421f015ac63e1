"""Publishing minutes into a governance repo the way its maintainers do by hand: the file, a line
in the index, one signed-off commit per meeting, pushed for a pull request.

`index.py` knows the index file's shape, `message.py` the commit message, `plan.py` what one
meeting changes in the checkout, `repo.py` speaks to git, `remote.py` turns a remote into a
pull-request URL, `publisher.py` changes the checkout all or nothing, and `run.py` is a publish
from start to end, for the command line and the app.
"""
