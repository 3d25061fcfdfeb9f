"""Property tests draw the same examples on every run (``derandomize``), so a submission is
judged on the same cases each time; ``HYPOTHESIS_PROFILE=explore`` draws fresh ones to hunt
for new counterexamples (add each one found as an ``@example``)."""

import os

from hypothesis import settings

settings.register_profile("stockops", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "stockops"))
