"""The warehouse's business partners: vendors, customers (with valid US addresses) and
carriers, with the word lists their names are drawn from."""

from __future__ import annotations

import re

import numpy as np

from stockops.scenario.product_templates import CATEGORY_CODES
from stockops.scenario.records import Carrier, Customer, Vendor
from stockops.scenario.sizes import ScenarioSize

#: the two carriers the dispatch demos integrate with, one per API style
CARRIERS: tuple[Carrier, ...] = (
    Carrier("NWP", "Northwind Parcel (SOAP)", "soap", ("GROUND", "EXPRESS", "NEXT_DAY"), 17),
    Carrier("SWF", "Swift Freight (REST)", "rest", ("GROUND", "EXPRESS", "NEXT_DAY"), 15),
)


# fmt: off
# (city, state, first three zip digits, area code): real combinations
_US_CITIES: tuple[tuple[str, str, str, str], ...] = (
    ("Columbus", "OH", "432", "614"), ("Cleveland", "OH", "441", "216"),
    ("Cincinnati", "OH", "452", "513"), ("Detroit", "MI", "482", "313"),
    ("Grand Rapids", "MI", "495", "616"), ("Chicago", "IL", "606", "312"),
    ("Rockford", "IL", "611", "815"), ("Indianapolis", "IN", "462", "317"),
    ("Fort Wayne", "IN", "468", "260"), ("Milwaukee", "WI", "532", "414"),
    ("Madison", "WI", "537", "608"), ("Minneapolis", "MN", "554", "612"),
    ("St. Louis", "MO", "631", "314"), ("Kansas City", "MO", "641", "816"),
    ("Louisville", "KY", "402", "502"), ("Nashville", "TN", "372", "615"),
    ("Memphis", "TN", "381", "901"), ("Atlanta", "GA", "303", "404"),
    ("Charlotte", "NC", "282", "704"), ("Raleigh", "NC", "276", "919"),
    ("Pittsburgh", "PA", "152", "412"), ("Philadelphia", "PA", "191", "215"),
    ("Allentown", "PA", "181", "610"), ("Buffalo", "NY", "142", "716"),
    ("Rochester", "NY", "146", "585"), ("Newark", "NJ", "071", "973"),
    ("Hartford", "CT", "061", "860"), ("Worcester", "MA", "016", "508"),
    ("Baltimore", "MD", "212", "410"), ("Richmond", "VA", "232", "804"),
    ("Houston", "TX", "770", "713"), ("Dallas", "TX", "752", "214"),
    ("San Antonio", "TX", "782", "210"), ("Austin", "TX", "787", "512"),
    ("Tulsa", "OK", "741", "918"), ("Omaha", "NE", "681", "402"),
    ("Des Moines", "IA", "503", "515"), ("Denver", "CO", "802", "303"),
    ("Phoenix", "AZ", "850", "602"), ("Salt Lake City", "UT", "841", "801"),
    ("Portland", "OR", "972", "503"), ("Seattle", "WA", "981", "206"),
    ("Sacramento", "CA", "958", "916"), ("Fresno", "CA", "937", "559"),
    ("Birmingham", "AL", "352", "205"), ("Jacksonville", "FL", "322", "904"),
    ("Tampa", "FL", "336", "813"), ("Greenville", "SC", "296", "864"),
    ("Little Rock", "AR", "722", "501"), ("Boise", "ID", "837", "208"),
)

_STREET_NAMES = (
    "Industrial", "Commerce", "Enterprise", "Oak", "Maple", "Main", "Market", "Harbor",
    "Airport", "Factory", "Mill", "Foundry", "Railroad", "Lincoln", "Washington", "Park",
    "River", "Lake", "Center", "Distribution", "Technology", "Corporate", "Elm", "Cedar",
)
_STREET_SUFFIXES = ("St", "Ave", "Blvd", "Dr", "Pkwy", "Rd", "Way", "Ct")

_CUSTOMER_PREFIXES = (
    "Lakeshore", "Summit", "Keystone", "Ironwood", "Blue Ridge", "Cedar Valley", "Harbor Point",
    "Red River", "Granite", "Silver Creek", "Northgate", "Riverside", "Prairie", "Copperfield",
    "Bayside", "Maplewood", "Pinecrest", "Oak Hollow", "Stonebridge", "Westfield", "Eastlake",
    "Highland", "Frontier", "Heritage", "Liberty", "Pioneer Valley", "Clearview", "Timberline",
    "Bridgeport", "Falcon", "Evergreen", "Sterling", "Midland", "Crescent", "Union", "Anchor",
    "Beacon", "Tri-County", "Capitol", "Metro", "Twin Rivers", "Hillcrest", "Sunrise",
    "Canyon", "Lone Star", "Great Plains", "Atlantic", "Pacific Rim", "Gateway", "Brookside",
)
# (industry, whether a legal suffix follows)
_CUSTOMER_INDUSTRIES = (
    ("Fabrication", True), ("Machine Works", True), ("Facility Services", True),
    ("Mechanical Contractors", True), ("Electric Co.", False), ("Plumbing & Heating", True),
    ("Construction", True), ("Foods", True), ("Logistics", True), ("Manufacturing", True),
    ("Property Management", True), ("Auto Body", True), ("Printing", True), ("Plastics", True),
    ("Metal Finishing", True), ("HVAC Services", True), ("School District", False),
    ("Medical Center", False), ("Brewing Co.", False),
)
_LEGAL_SUFFIXES = ("Inc.", "LLC", "Corp.")

# (name, city, country, categories, promised lead days, actual/promised, sd/mean, MOQ units)
_CURATED_VENDORS = (
    ("Great Lakes Fastener Supply", "Cleveland", "US", ("Fasteners",), 5, 1.10, 0.25, 10),
    ("Keystone Safety Products", "Harrisburg", "US", ("Safety",), 4, 1.00, 0.20, 6),
    ("Pioneer Electric Wholesale", "Dallas", "US", ("Electrical",), 6, 1.20, 0.30, 5),
    ("Riverbend Plumbing Supply", "Memphis", "US", ("Plumbing",), 5, 1.05, 0.25, 5),
    ("Ironclad Tool Company", "Milwaukee", "US", ("Tools",), 7, 1.15, 0.30, 2),
    ("Clearwater Janitorial Supply", "Tampa", "US", ("Janitorial",), 4, 1.00, 0.20, 4),
    ("Summit Packaging Solutions", "Atlanta", "US", ("Packaging",), 3, 1.10, 0.25, 10),
    ("Ningbo Hengda Hardware Co., Ltd.", "Ningbo", "CN", ("Fasteners", "Tools"), 35, 1.15, 0.18,
     50),
    ("Monterrey Industrial Supply S.A. de C.V.", "Monterrey", "MX", ("Safety", "Janitorial"),
     12, 1.20, 0.25, 24),
    ("Taichung Precision Tools Co., Ltd.", "Taichung", "TW", ("Tools",), 30, 1.10, 0.15, 20),
    ("Rheinland Elektrotechnik GmbH", "Cologne", "DE", ("Electrical",), 21, 1.05, 0.15, 10),
    ("Prairie State Packaging Corp.", "Peoria", "US", ("Packaging", "Janitorial"), 5, 1.30,
     0.35, 12),
)
_VENDOR_PREFIXES = (
    "Cedar Ridge", "Bluewater", "Allied", "Consolidated", "Heartland", "Tri-State", "Ameriline",
    "Patriot", "Coastal", "Midwest", "Central States", "Northstar", "Redline", "Cornerstone",
    "Benchmark", "Precision", "United", "Continental", "Eagle", "Valley",
)
_VENDOR_SPECIALTIES = (
    ("Industrial Supply", ("Fasteners", "Tools", "Safety")),
    ("MRO Distributors", ("Tools", "Electrical", "Plumbing")),
    ("Safety Supply", ("Safety",)),
    ("Electric Supply", ("Electrical",)),
    ("Fastener Corp.", ("Fasteners",)),
    ("Tool & Abrasives", ("Tools",)),
    ("Facility Products", ("Janitorial", "Plumbing")),
    ("Packaging Inc.", ("Packaging",)),
)
# fmt: on


def make_vendors(spec: ScenarioSize, rng: np.random.Generator) -> tuple[Vendor, ...]:
    """``spec.vendors`` vendors: the curated ones first, then drawn US distributors; every
    product category gets at least one supplier. Lead times in days, minimum order
    quantities in units."""
    rows = list(_CURATED_VENDORS[: spec.vendors])
    pairs = [(p, s) for p in _VENDOR_PREFIXES for s in range(len(_VENDOR_SPECIALTIES))]
    extra = spec.vendors - len(rows)
    if extra > 0:
        for k in rng.choice(len(pairs), size=extra, replace=False):
            prefix, s = pairs[int(k)]
            suffix, cats = _VENDOR_SPECIALTIES[s]
            city = _US_CITIES[int(rng.integers(len(_US_CITIES)))][0]
            promised = int(rng.integers(3, 11))
            late, spread = float(rng.uniform(0.95, 1.35)), float(rng.uniform(0.15, 0.35))
            moq = int(rng.choice([1, 2, 5, 10, 12, 24]))
            rows.append((f"{prefix} {suffix}", city, "US", cats, promised, late, spread, moq))
    # every category needs a supplier even when the size has fewer vendors than categories
    supplied = {c for row in rows for c in row[3]}
    for i, category in enumerate(c for c in CATEGORY_CODES if c not in supplied):
        row = rows[i % len(rows)]
        rows[i % len(rows)] = (*row[:3], (*row[3], category), *row[4:])
    vendors = []
    for i, (name, city, country, cats, promised, factor, sd_factor, moq) in enumerate(rows):
        mean = round(promised * factor, 1)
        sd = round(mean * sd_factor, 1)
        code = f"V{i + 1:03d}"
        vendors.append(Vendor(code, name, city, country, promised, mean, sd, moq, tuple(cats)))
    return tuple(vendors)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_customers(spec: ScenarioSize, rng: np.random.Generator) -> tuple[Customer, ...]:
    """``spec.customers`` US business customers with distinct names, a real city/state/zip
    prefix/area code combination, a fictional (555-01xx) phone and an example.com email."""
    n_pairs = len(_CUSTOMER_PREFIXES) * len(_CUSTOMER_INDUSTRIES)
    picks = rng.choice(n_pairs, size=spec.customers, replace=False)
    customers = []
    for i, k in enumerate(picks):
        prefix = _CUSTOMER_PREFIXES[int(k) // len(_CUSTOMER_INDUSTRIES)]
        industry, legal = _CUSTOMER_INDUSTRIES[int(k) % len(_CUSTOMER_INDUSTRIES)]
        name = f"{prefix} {industry}"
        if legal:
            name += f" {_LEGAL_SUFFIXES[int(rng.integers(len(_LEGAL_SUFFIXES)))]}"
        city, state, zip3, area_code = _US_CITIES[int(rng.integers(len(_US_CITIES)))]
        street = (
            f"{int(rng.integers(100, 9900))} "
            f"{_STREET_NAMES[int(rng.integers(len(_STREET_NAMES)))]} "
            f"{_STREET_SUFFIXES[int(rng.integers(len(_STREET_SUFFIXES)))]}"
        )
        # 555-0100..0199 are the numbers reserved for fiction
        phone = f"+1 {area_code}-555-{int(rng.integers(100, 200)):04d}"
        email = f"purchasing@{_slug(prefix + ' ' + industry)}.example.com"
        zip_code = f"{zip3}{int(rng.integers(1, 99)):02d}"
        code = f"C{i + 1:04d}"
        customers.append(Customer(code, name, street, city, zip_code, state, "US", phone, email))
    return tuple(customers)
