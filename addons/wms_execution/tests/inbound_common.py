# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A vendor, its catalogue and its notices, built the same way on any date."""

from datetime import date, timedelta

from odoo.tests import new_test_user

from stockops.execution.inbound import parse_notice_csv

SSCC_A, SSCC_B, SSCC_C = "106141412345678908", "106141412345678915", "106141412345678922"
GTIN_YOGURT, GTIN_SCANNER = "4006381333931", "8712345000011"


def expiry(days=180):
    """An expiry date ``days`` ahead of today, as the notice writes it."""
    return (date.today() + timedelta(days=days)).isoformat()


def build_vendor(cls):
    """Alpine Dairy (vendor ref V-ALP, GLN 4012345000009) and its three products: yogurt
    tracked by lot (GTIN), handheld scanners by serial (GTIN), crates untracked (known by
    the vendor's code CR-40 only); a receiving clerk (stock user) and a supervisor."""
    env = cls.env
    cls.clerk = new_test_user(env, login="asn_clerk", groups="stock.group_stock_user")
    cls.asn_supervisor = new_test_user(
        env, login="asn_sup", groups="wms_execution.group_wms_supervisor"
    )
    cls.vendor = env["res.partner"].create(
        {"name": "Alpine Dairy", "ref": "V-ALP", "barcode": "4012345000009"}
    )
    products = env["product.product"].create([
        {"name": "Yogurt 500 g", "is_storable": True, "tracking": "lot", "barcode": GTIN_YOGURT},
        {"name": "Handheld Scanner", "is_storable": True, "tracking": "serial",
         "barcode": GTIN_SCANNER},
        {"name": "Stacking Crate 40 L", "is_storable": True},
    ])  # fmt: skip
    cls.yogurt, cls.scanner, cls.crate = products
    env["product.supplierinfo"].create(
        {"partner_id": cls.vendor.id, "product_tmpl_id": cls.crate.product_tmpl_id.id,
         "product_code": "CR-40"}
    )  # fmt: skip


def notice_csv(ref="ASN-1001", rows=None):
    """A CSV notice of two pallets: a mixed one (yogurt by lot, crates by the vendor's
    code) and one of two serial-numbered scanners."""
    rows = rows or [
        f"{ref},V-ALP,{SSCC_A},{GTIN_YOGURT},,120,Y-2611,,{expiry()}",
        f"{ref},V-ALP,{SSCC_A},,CR-40,10,,,",
        f"{ref},V-ALP,{SSCC_B},{GTIN_SCANNER},,1,,SN-0001,",
        f"{ref},V-ALP,{SSCC_B},{GTIN_SCANNER},,1,,SN-0002,",
    ]
    head = "notice_ref,vendor_ref,sscc,gtin,product_code,quantity,lot,serial,expiry"
    return "\n".join([head, *rows]).encode()


def notice_xml(ref="DA-2001"):
    """The same truck as a GS1 despatch advice: the scanners' serials on one line."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<despatchAdvice>
  <despatchAdviceIdentification><entityIdentification>{ref}</entityIdentification>
  </despatchAdviceIdentification>
  <shipper><gln>4012345000009</gln></shipper>
  <despatchAdviceLogisticUnit>
    <logisticUnitIdentification><sscc>{SSCC_A}</sscc></logisticUnitIdentification>
    <despatchAdviceLineItem><despatchedQuantity>120</despatchedQuantity>
      <transactionalTradeItem><gtin>{GTIN_YOGURT}</gtin><transactionalItemData>
        <batchNumber>Y-2611</batchNumber><itemExpirationDate>{expiry()}</itemExpirationDate>
      </transactionalItemData></transactionalTradeItem>
    </despatchAdviceLineItem>
  </despatchAdviceLogisticUnit>
  <despatchAdviceLogisticUnit>
    <logisticUnitIdentification><sscc>{SSCC_B}</sscc></logisticUnitIdentification>
    <despatchAdviceLineItem><despatchedQuantity>2</despatchedQuantity>
      <transactionalTradeItem><gtin>{GTIN_SCANNER}</gtin><transactionalItemData>
        <serialNumber>SN-0001</serialNumber><serialNumber>SN-0002</serialNumber>
      </transactionalItemData></transactionalTradeItem>
    </despatchAdviceLineItem>
  </despatchAdviceLogisticUnit>
</despatchAdvice>""".encode()


def import_notice(env, vendor, warehouse, data=None):
    """The notice ``data`` (CSV; :func:`notice_csv` by default) taken in for ``vendor``
    into ``warehouse`` through the intake's model method, as ``env``'s user."""
    notices = env["wms.inbound.notice"]
    notice, errors = notices._wms_intake(
        parse_notice_csv(data or notice_csv()), vendor, warehouse, "csv"
    )
    assert not errors, errors
    return notice
