# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
import io

from odoo import models

from stockops.execution.inbound import parse_notice_csv
from stockops.scenario.barcodes import GS1_COMPANY_PREFIX, gs1_check_digit

HEAD = ["notice_ref", "vendor_ref", "sscc", "gtin", "product_code", "quantity", "lot", "serial",
        "expiry"]  # fmt: skip


def demo_sscc(serial):
    """An SSCC of the demo's GS1 company prefix (extension digit 3: never a test's)."""
    body = f"3{GS1_COMPANY_PREFIX}{serial:09d}"
    return body + gs1_check_digit(body)


class WmsDemoLoader(models.AbstractModel):
    """Two advance ship notices on the truck expected today, taken in through the intake
    (as a vendor's CSV file), so the Advance Ship Notices screen and receiving by pallet
    on the scan screen have data: each makes its receipt with a package per SSCC; the
    first has a single-product pallet and a mixed one, the second one pallet."""

    _inherit = "wms.demo.loader"

    def _load_notices(self, sc, warehouse, ref):
        serial = 0
        for n, vendor in enumerate(sc.vendors[:2]):
            products = [p for p in sc.products if p.vendor_code == vendor.code and p.barcode][:3]
            if not products:
                continue
            pallets = [products[:1], products[1:3]] if n == 0 else [products[:1]]
            rows = []
            for on_pallet in filter(None, pallets):
                serial += 1
                rows += [
                    [f"ASN-DEMO-{n + 1}", vendor.code, demo_sscc(serial), p.barcode, "",
                     str(12 * (i + 2)), "", "", ""]
                    for i, p in enumerate(on_pallet)
                ]  # fmt: skip
            text = io.StringIO()
            csv.writer(text, lineterminator="\n").writerows([HEAD, *rows])
            notices = self.env["wms.inbound.notice"]
            _notice, errors = notices._wms_intake(
                parse_notice_csv(text.getvalue().encode()), ref["vendors"][vendor.code],
                warehouse, "csv",
            )  # fmt: skip
            if errors:
                raise ValueError(f"demo notice refused: {errors}")
