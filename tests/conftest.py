"""Property tests draw the same examples on every run (``derandomize``), so a submission is
judged on the same cases each time; ``HYPOTHESIS_PROFILE=explore`` draws fresh ones to hunt
for new counterexamples (add each one found as an ``@example``)."""

import os

from hypothesis import settings

# no per-example deadline: a loaded machine (two suites at once) made an example take 413 ms
# against hypothesis's 200 ms and failed a correct test; speed is the benches' business
settings.register_profile("stockops", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "stockops"))
