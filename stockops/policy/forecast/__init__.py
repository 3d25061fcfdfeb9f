"""Demand forecasts per product: the method, the forecast, its measured error, and why.

Units: demand in units per period. The Odoo adapter passes weekly buckets, so a period is
one week and a season is 52 periods; nothing here assumes it, ``season_length`` says it.
Negative buckets (net returns) count as zero demand.

Every series is first classified by Syntetos-Boylan-Croston (:func:`classify_demand`):
how often demand occurs (ADI, periods per demand, cut-off 1.32) and how much its sizes
vary (CV² of the non-zero sizes, cut-off 0.49). ``method="auto"`` then picks:

* smooth or erratic -> Holt-Winters (additive season, damped trend) when there are at
  least two full seasons and the season is significant (BIC prefers a repeating shape of
  a few harmonics of the season over a plain trend line, so the shape recurs from year to
  year more than noise allows); otherwise Holt (damped trend) when the trend is
  significant, otherwise simple exponential smoothing (SES);
* intermittent -> SBA (Croston with the Syntetos-Boylan bias correction);
* lumpy -> TSB (Teunter-Syntetos-Babai, which lets the demand probability decay);
* insufficient (fewer than two periods with demand) -> zero when nothing was ever sold,
  otherwise the mean of the history.

Smoothing parameters are chosen per series by minimising the in-sample one-step squared
error over a small grid, for all series and all grid points at once (numpy, float32).
Holt-Winters starts from a least-squares season of K harmonics, K chosen by BIC: 52 free
weekly indices from two years of history would mostly be noise.

Excluded periods (promotions, one-off spikes, stockouts where demand was lost, NaN
buckets) say nothing about normal demand. Inside each smoothing recursion the observation
of an excluded period is replaced by the method's own one-step forecast: the error is zero
and the states pass through unchanged, so the period neither inflates nor zeroes the
forecast (the usual treatment of missing values in exponential smoothing; Croston, SBA and
TSB skip the period, it does not count as an interval). Initial states and the trend and
season tests use the series with excluded periods linearly interpolated between their
nearest non-excluded neighbours; classification, sigma and the backtest ignore them.

The backtest fits on all but the last ``holdout`` periods, forecasts them and reports MASE
(mean absolute error over the in-sample naive one-step MAE) and bias (mean forecast minus
mean actual over mean actual: positive means over-forecasting). The returned forecast is
refitted on the full history, so it does not depend on ``holdout``.

>>> import numpy as np
>>> rng = np.random.default_rng(7)
>>> weeks = np.arange(156)
>>> demand = rng.poisson(100 + 40 * np.sin(2 * np.pi * weeks / 52))
>>> f = forecast(demand, horizon=52)
>>> f.method, f.pattern
('holt_winters', 'smooth')
>>> int(np.argmax(f.per_period))  # demand peaks 13 weeks into each year
13
>>> np.round(f.per_period.reshape(4, 13).mean(axis=1), -1).tolist()  # per quarter
[120.0, 130.0, 80.0, 70.0]
>>> classify_demand([0, 0, 3, 0, 0, 0, 5, 0, 0, 4]).pattern
'intermittent'
>>> forecast([0, 0, 0, 0], horizon=2).reason
'No demand in the 4-period history: forecast 0 per period.'
>>> batch = forecast_many(np.tile(demand, (3, 1)), horizon=52)
>>> batch.method.tolist(), bool(np.allclose(batch.per_period[0], f.per_period))
(['holt_winters', 'holt_winters', 'holt_winters'], True)
"""

from stockops.policy.forecast.batch import MIN_FIT_PERIODS, forecast, forecast_many
from stockops.policy.forecast.demand_class import (
    ADI_CUTOFF,
    CV2_CUTOFF,
    ERRATIC,
    INSUFFICIENT,
    INTERMITTENT,
    LUMPY,
    PATTERNS,
    SMOOTH,
    DemandClass,
    classify_demand,
    classify_many,
)
from stockops.policy.forecast.errors import backtest_errors
from stockops.policy.forecast.fitting import Fit, croston, holt, holt_winters, sba, ses, tsb
from stockops.policy.forecast.methods import (
    CROSTON,
    HOLT,
    HOLT_WINTERS,
    MEAN,
    METHOD_CHOICES,
    METHODS,
    SBA,
    SES,
    SES_START_PERIODS,
    STEADY_METHODS,
    TSB,
    ZERO,
)
from stockops.policy.forecast.recursions import DAMPING
from stockops.policy.forecast.results import Forecast, ForecastBatch
from stockops.policy.forecast.signals import HARMONICS, TREND_MIN_CHANGE, TREND_Z

__all__ = [
    "ADI_CUTOFF",
    "CROSTON",
    "CV2_CUTOFF",
    "DAMPING",
    "ERRATIC",
    "HARMONICS",
    "HOLT",
    "HOLT_WINTERS",
    "INSUFFICIENT",
    "INTERMITTENT",
    "LUMPY",
    "MEAN",
    "METHODS",
    "METHOD_CHOICES",
    "MIN_FIT_PERIODS",
    "PATTERNS",
    "SBA",
    "SES",
    "SES_START_PERIODS",
    "SMOOTH",
    "STEADY_METHODS",
    "TREND_MIN_CHANGE",
    "TREND_Z",
    "TSB",
    "ZERO",
    "DemandClass",
    "Fit",
    "Forecast",
    "ForecastBatch",
    "backtest_errors",
    "classify_demand",
    "classify_many",
    "croston",
    "forecast",
    "forecast_many",
    "holt",
    "holt_winters",
    "sba",
    "ses",
    "tsb",
]
