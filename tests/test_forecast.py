"""Demand forecasting: the method a planner would expect, forecasts that follow demand, never
negative, excluded periods ignored, and the same answer one series at a time or in bulk."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stockops.policy.forecast.batch as batch_engine
from stockops.policy.forecast import (
    METHOD_CHOICES,
    backtest_errors,
    classify_demand,
    croston,
    forecast,
    forecast_many,
    holt_winters,
    sba,
    ses,
    tsb,
)

WEEKS = np.arange(156)


def seasonal(seed=0, years=3, noise=6.0):
    """Weekly demand around 100 with a +-40 annual wave peaking in week 13 of each year."""
    rng = np.random.default_rng(seed)
    t = np.arange(52 * years)
    return np.maximum(0, 100 + 40 * np.sin(2 * np.pi * t / 52) + rng.normal(0, noise, t.size))


def flat(seed=0, weeks=104, level=50.0):
    return np.random.default_rng(seed).poisson(level, weeks).astype(float)


def intermittent(seed=0, weeks=104):
    """A sale about one week in four, of 2-4 units: infrequent but steady sizes."""
    rng = np.random.default_rng(seed)
    return (rng.random(weeks) < 0.25) * rng.integers(2, 5, weeks).astype(float)


def lumpy(seed=0, weeks=104):
    """A sale about one week in five, of wildly varying size."""
    rng = np.random.default_rng(seed)
    sizes = np.ceil(np.exp(rng.normal(1.5, 1.2, weeks)))
    return (rng.random(weeks) < 0.2) * sizes


# --- classification ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "pattern"),
    [
        ([5, 6, 5, 4, 6, 5, 5, 6], "smooth"),
        ([1, 20, 2, 15, 1, 30, 2, 1], "erratic"),
        ([0, 0, 4, 0, 0, 5, 0, 0, 4, 0], "intermittent"),
        ([0, 0, 1, 0, 0, 30, 0, 0, 2, 0], "lumpy"),
        ([0, 0, 0, 7], "insufficient"),
    ],
)
def test_demand_is_classified_by_frequency_and_size_variability(series, pattern):
    assert classify_demand(series).pattern == pattern


def test_classification_reports_adi_and_cv2():
    c = classify_demand([0, 2, 0, 2, 0, 2])
    assert c.adi == pytest.approx(2.0)
    assert c.cv2 == pytest.approx(0.0)
    assert "one every 2.00 periods" in c.reason


def test_classification_ignores_excluded_periods():
    # the stockout weeks would otherwise make steady demand look intermittent
    series = [5, 6, 0, 0, 0, 0, 5, 6, 5, 6]
    mask = [False, False, True, True, True, True, False, False, False, False]
    assert classify_demand(series).pattern == "intermittent"
    assert classify_demand(series, exclude=mask).pattern == "smooth"


# --- the method auto picks, and what it forecasts ------------------------------------------


def test_seasonal_weekly_series_gets_holt_winters_and_tracks_the_peak():
    f = forecast(seasonal(), horizon=52)
    assert f.method == "holt_winters"
    assert "52-period season" in f.reason
    # the next year starts at week 156 = 3 x 52: the peak is 13 weeks in, the trough 39
    assert abs(int(np.argmax(f.per_period)) - 13) <= 3
    assert abs(int(np.argmin(f.per_period)) - 39) <= 3
    assert f.per_period.max() == pytest.approx(140, rel=0.1)
    assert f.per_period.min() == pytest.approx(60, rel=0.15)


def test_easy_seasonal_series_backtests_better_than_naive():
    f = forecast(seasonal(seed=3), horizon=13)
    assert f.mase < 1.0
    assert abs(f.bias) < 0.1
    assert f"MASE {f.mase:.2f}" in f.reason


def test_one_year_of_seasonal_history_is_not_enough_for_holt_winters():
    f = forecast(seasonal(years=1), horizon=13)
    assert f.method in ("ses", "holt")
    assert "too short to test a 52-period season" in f.reason


def test_weeks_before_the_first_sale_make_neither_a_trend_nor_a_season():
    # flat demand that started selling 1 to 79 weeks into the 104: the weeks before are
    # excluded, and must not be read as a level held flat at the first real week
    rng = np.random.default_rng(1)
    n = 400
    y = rng.poisson(rng.uniform(2, 50, n)[:, None], (n, 104)).astype(float)
    start = rng.integers(1, 80, n)
    before = np.arange(104)[None, :] < start[:, None]
    y[before] = 0.0
    batch = forecast_many(y, 13, exclude=before)
    assert np.isin(batch.method, ["ses"]).mean() >= 0.95
    assert "holt_winters" not in batch.method.tolist()


def test_a_season_needs_two_full_seasons_of_real_weeks():
    series = seasonal(years=2)
    before = np.zeros(104, dtype=bool)
    before[:10] = True  # first sold in week 11: 94 real weeks
    f = forecast(series, horizon=13, exclude=before)
    assert f.method != "holt_winters"
    assert "94 real periods is too short to test a 52-period season" in f.reason
    assert forecast(series, horizon=13).method == "holt_winters"
    promo = np.zeros(104, dtype=bool)
    promo[[30, 31, 70]] = True  # a few promotion weeks inside keep two seasons
    assert forecast(series, horizon=13, exclude=promo).method == "holt_winters"


def test_level_error_is_what_the_forecast_level_really_misses():
    # 300 steady series: the forecast's own estimate of how far its level may be off
    # matches, within a third, how far it really is from the known level
    rng = np.random.default_rng(2)
    level = rng.uniform(5, 60, 300)
    y = rng.poisson(level[:, None], (300, 104)).astype(float)
    batch = forecast_many(y, 13)
    steady = batch.method == "ses"
    actual = np.sqrt(np.mean((batch.mean[steady] - level[steady]) ** 2 / level[steady]))
    predicted = np.sqrt(np.mean(batch.level_sd[steady] ** 2 / level[steady]))
    assert predicted == pytest.approx(actual, rel=0.33)
    assert (batch.level_sd[steady] < batch.sigma[steady]).all()


def test_smooth_flat_series_gets_ses_at_its_level():
    f = forecast(flat(), horizon=8)
    assert f.method == "ses"
    assert f.pattern == "smooth"
    assert f.mean_per_period == pytest.approx(50, rel=0.1)
    assert np.ptp(f.per_period) == 0  # flat
    # sigma feeds safety stock: Poisson(50) noise has a standard deviation of about 7
    assert f.sigma_per_period == pytest.approx(np.sqrt(50), rel=0.25)


def test_trending_series_gets_holt_and_keeps_rising():
    rng = np.random.default_rng(4)
    series = 20 + 0.8 * np.arange(104) + rng.normal(0, 3, 104)
    f = forecast(series, horizon=13)
    assert f.method == "holt"
    assert "significant trend" in f.reason
    assert f.per_period[0] > series[-8:].mean()
    assert np.all(np.diff(f.per_period) > 0)


def test_intermittent_series_gets_sba():
    f = forecast(intermittent(), horizon=8)
    assert f.pattern == "intermittent"
    assert f.method == "sba"
    # about 0.25 sales a week of 3 units on average
    assert f.mean_per_period == pytest.approx(0.75, rel=0.35)


def test_lumpy_series_gets_tsb():
    f = forecast(lumpy(), horizon=8)
    assert f.pattern == "lumpy"
    assert f.method == "tsb"
    assert f.mean_per_period > 0


def test_tsb_forecast_decays_after_demand_stops():
    series = np.concatenate([lumpy(seed=2, weeks=80), np.zeros(24)])
    before = tsb(series[:80], 1).per_period[0, 0]
    after = tsb(series, 1).per_period[0, 0]
    assert after < before * 0.8
    # Croston only updates at demands, so after half a year without any it stays higher
    assert croston(series, 1).per_period[0, 0] > after


@pytest.mark.parametrize("seed", range(5))
def test_sba_forecasts_less_than_croston_on_the_same_series(seed):
    series = intermittent(seed)
    assert sba(series, 4).per_period[0, 0] < croston(series, 4).per_period[0, 0]
    assert (
        forecast(series, 4, method="sba").mean_per_period
        < forecast(series, 4, method="croston").mean_per_period
    )


# --- excluded periods ----------------------------------------------------------------------


def test_excluded_promotion_spike_does_not_raise_the_forecast():
    base = flat(seed=1)
    promo = base.copy()
    promo[90:93] = 400  # a three-week promotion near the end
    mask = np.zeros(base.size, dtype=bool)
    mask[90:93] = True
    plain = forecast(base, 4).mean_per_period
    naive = forecast(promo, 4).mean_per_period
    clean = forecast(promo, 4, exclude=mask)
    assert naive > plain * 1.05  # the spike would have inflated it
    assert clean.mean_per_period == pytest.approx(plain, rel=0.03)
    assert "3 periods excluded" in clean.reason


def test_excluded_stockout_zeros_do_not_lower_the_forecast():
    base = flat(seed=2)
    stockout = base.copy()
    stockout[-6:] = 0  # lost demand while the shelf was empty
    mask = np.zeros(base.size, dtype=bool)
    mask[-6:] = True
    before = forecast(base[:-6], 4).mean_per_period
    naive = forecast(stockout, 4)
    clean = forecast(stockout, 4, exclude=mask)
    assert naive.mean_per_period < before * 0.9
    assert clean.mean_per_period == pytest.approx(before, rel=0.02)
    assert clean.method == "ses"


def test_nan_buckets_are_ignored_like_excluded_periods():
    series = flat(seed=5)
    holes = series.copy()
    holes[[10, 40, 70]] = np.nan
    f = forecast(holes, 4)
    assert np.isfinite(f.per_period).all()
    assert f.mean_per_period == pytest.approx(forecast(series, 4).mean_per_period, rel=0.05)


def test_excluded_periods_leave_the_recursion_unchanged():
    # with the spike excluded SES behaves as if the week had gone exactly as forecast
    series = flat(seed=6, weeks=40)
    spiked = series.copy()
    spiked[30] = 1000
    mask = np.zeros(40, dtype=bool)
    mask[30] = True
    fit = ses(spiked, 1, exclude=mask)
    assert np.all(fit.fitted[0, 31:] < 80)


# --- fallbacks and robustness --------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "method", "words"),
    [
        ([], "zero", "No usable history"),
        ([0, 0, 0, 0, 0], "zero", "No demand in the 5-period history"),
        ([0, 0, 6, 0, 0, 0], "mean", "only 1 period with demand"),
        ([7], "mean", "only 1 period with demand"),
        ([np.nan, np.nan], "zero", "all 2 periods excluded"),
    ],
)
def test_degenerate_histories_fall_back_with_a_reason(series, method, words):
    f = forecast(series, horizon=3)
    assert f.method == method
    assert words in f.reason
    assert f.per_period.shape == (3,)
    assert np.all(f.per_period >= 0)
    if method == "mean":
        assert f.mean_per_period == pytest.approx(np.nansum(series) / len(series))
    else:
        assert f.mean_per_period == 0


def test_short_history_skips_the_backtest_and_says_so():
    f = forecast([4, 5, 6, 5, 4, 5], horizon=2)
    assert np.isnan(f.mase)
    assert "too short to backtest" in f.reason


def test_holt_winters_asked_for_on_short_history_falls_back_to_holt():
    assert holt_winters(seasonal(years=1), 4).method == "holt"
    f = forecast(seasonal(years=1), 4, method="holt_winters")
    assert f.method == "holt"
    assert "less than two 52-period seasons" in f.reason


def test_invalid_requests_name_the_problem():
    with pytest.raises(ValueError, match="unknown forecasting method"):
        forecast(flat(), 4, method="arima")
    with pytest.raises(ValueError, match="horizon"):
        forecast(flat(), 0)
    with pytest.raises(ValueError, match="exclude has shape"):
        forecast_many(np.ones((2, 10)), 3, exclude=np.zeros((2, 9), dtype=bool))


series_values = st.lists(
    st.one_of(
        st.floats(-50, 1e4, allow_nan=False),
        st.just(0.0),
        st.just(float("nan")),
        st.integers(0, 30).map(float),
    ),
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(
    series=series_values,
    method=st.sampled_from(METHOD_CHOICES),
    horizon=st.integers(1, 20),
    season=st.sampled_from([4, 12, 52]),
)
def test_forecasts_are_never_negative(series, method, horizon, season):
    f = forecast(series, horizon, season_length=season, method=method, holdout=6)
    assert f.per_period.shape == (horizon,)
    assert np.all(np.isfinite(f.per_period))
    assert np.all(f.per_period >= 0)
    assert f.mean_per_period >= 0
    assert f.sigma_per_period >= 0
    assert f.reason.endswith(".")


# --- single and batch agree ----------------------------------------------------------------


def test_single_series_and_batch_agree():
    rows = [
        seasonal(seed=1)[-104:],
        flat(seed=1),
        intermittent(seed=1),
        lumpy(seed=1),
        20 + 0.8 * np.arange(104.0),
        np.zeros(104),
        np.r_[np.zeros(103), 9.0],
    ]
    matrix = np.vstack(rows)
    batch = forecast_many(matrix, horizon=13)
    assert len(set(batch.method)) >= 6
    for i, series in enumerate(rows):
        one = forecast(series, horizon=13)
        assert one.method == batch.method[i]
        assert one.pattern == batch.pattern[i]
        np.testing.assert_allclose(one.per_period, batch.per_period[i], rtol=1e-6)
        assert one.sigma_per_period == pytest.approx(batch.sigma[i], rel=1e-6)
        assert one.mase == pytest.approx(batch.mase[i], rel=1e-6, nan_ok=True)
        assert one.bias == pytest.approx(batch.bias[i], rel=1e-6, nan_ok=True)
        assert one.reason == batch.reason(i)
    # and row 0 alone through the batch entry point
    single = forecast_many(matrix[:1], horizon=13)
    np.testing.assert_allclose(single.per_period[0], batch.per_period[0], rtol=1e-6)


def test_batch_result_does_not_depend_on_how_many_series_go_together(monkeypatch):
    matrix = np.vstack([make(seed=s) for s in range(3) for make in (flat, intermittent, lumpy)])
    mask = np.zeros(matrix.shape, dtype=bool)
    mask[::4, 50:53] = True
    whole = forecast_many(matrix, 6, exclude=mask)
    monkeypatch.setattr(batch_engine, "_BLOCK_ROWS", 4)
    blocked = forecast_many(matrix, 6, exclude=mask)
    assert blocked.method.tolist() == whole.method.tolist()
    np.testing.assert_allclose(blocked.per_period, whole.per_period, rtol=1e-6)
    np.testing.assert_allclose(blocked.mase, whole.mase, rtol=1e-6)
    assert blocked.reason(8) == whole.reason(8)


def test_batch_takes_one_method_per_row_and_an_exclusion_mask():
    matrix = np.vstack([intermittent(seed=3), intermittent(seed=3)])
    mask = np.zeros(matrix.shape, dtype=bool)
    batch = forecast_many(matrix, 4, methods=["croston", "sba"], exclude=mask)
    assert batch.method.tolist() == ["croston", "sba"]
    assert batch.per_period[1, 0] < batch.per_period[0, 0]


def test_method_functions_return_fitted_values_that_match_a_plain_loop():
    series = flat(seed=7, weeks=30)
    fit = ses(series, 3)
    alpha = fit.params["alpha"][0]
    level = series[:13].mean()
    expected = []
    for y in series:
        expected.append(level)
        level += alpha * (y - level)
    np.testing.assert_allclose(fit.fitted[0], expected, rtol=1e-5)
    np.testing.assert_allclose(fit.per_period[0], level, rtol=1e-5)
    assert "alpha" in fit.reason()


# --- backtest --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "method"), [(flat, "ses"), (flat, "holt"), (intermittent, "sba"), (lumpy, "tsb")]
)
def test_backtest_scores_what_the_method_would_have_forecast_13_weeks_ago(make, method):
    series = make(seed=4)
    earlier = forecast(series[:-13], 13, method=method, holdout=0)
    mase, bias = backtest_errors(series[None, :-13], series[None, -13:], earlier.per_period[None])
    now = forecast(series, 13, method=method)
    assert now.mase == pytest.approx(mase[0])
    assert now.bias == pytest.approx(bias[0])


def test_the_holdout_only_measures_and_never_changes_the_forecast():
    series = seasonal(seed=5)
    with_backtest = forecast(series, 13, holdout=13)
    without = forecast(series, 13, holdout=0)
    np.testing.assert_array_equal(with_backtest.per_period, without.per_period)
    assert np.isnan(without.mase)


# --- error measures ------------------------------------------------------------------------


def test_backtest_errors_handle_flat_history_and_zero_demand():
    history = np.array([[5.0, 5, 5, 5], [0, 0, 0, 0], [0, 0, 0, 0]])
    actual = np.array([[5.0, 7], [0, 0], [0, 0]])
    predicted = np.array([[5.0, 5], [0, 0], [1, 1]])
    mase, bias = backtest_errors(history, actual, predicted)
    # a flat history has no naive error: the mean demand (5) scales instead
    assert mase[0] == pytest.approx(1.0 / 5.0)
    assert bias[0] == pytest.approx(-1.0 / 6.0)
    assert mase[1] == 0 and bias[1] == 0  # nothing sold, nothing forecast: perfect
    assert np.isnan(mase[2]) and np.isnan(bias[2])  # no scale to measure against
