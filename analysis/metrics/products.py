"""Products: stars, readiness of the dossier, certificate expiry, the pipeline."""
from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.metrics.scope import Filters, filtered_products, share
from analysis.workbook import contract as c
from analysis.workbook.cells import stars_from_score
from analysis.workbook.dataset import Dataset

# --- dossier readiness ----------------------------------------------------------

READINESS_COLUMNS = ["product_id", "required_total", "required_done", "gate", "applicable_total",
                     "applicable_done", "depth", "missing_required", "has_dossier"]


def _readiness_row(product_id: str, statuses: dict[str, str] | None) -> dict:
    """Gate (required documents) and depth (all applicable documents) of one dossier."""
    has_dossier = statuses is not None
    statuses = statuses or {doc: c.DOC_MISSING for doc in c.DOCUMENTS}
    required = [d for d in c.REQUIRED_DOCUMENTS if statuses[d] != c.DOC_NA]
    applicable = [d for d in c.DOCUMENTS if statuses[d] != c.DOC_NA]
    required_done = sum(statuses[d] == c.DOC_DONE for d in required)
    applicable_done = sum(statuses[d] == c.DOC_DONE for d in applicable)
    return {
        "product_id": product_id,
        "required_total": len(required), "required_done": required_done,
        "gate": share(required_done, len(required)),
        "applicable_total": len(applicable), "applicable_done": applicable_done,
        "depth": share(applicable_done, len(applicable)),
        "missing_required": tuple(d for d in required if statuses[d] != c.DOC_DONE),
        "has_dossier": has_dossier,
    }


def _dossier_statuses(ds: Dataset) -> dict[str, dict[str, str]]:
    """product_id -> document -> status; a blank or unreadable cell is missing."""
    dossiers = ds.tables["dossiers"]
    return {
        row["product_id"]: {d: row[d] if isinstance(row[d], str) else c.DOC_MISSING for d in c.DOCUMENTS}
        for row in dossiers.to_dict("records")
    }


def readiness(ds: Dataset) -> pd.DataFrame:
    """One row per product: required documents done (gate) and all applicable ones (depth).

    Not-applicable documents leave both denominators; a product with no Hồ sơ row
    counts every document as missing."""
    statuses = _dossier_statuses(ds)
    rows = [_readiness_row(pid, statuses.get(pid)) for pid in ds.tables["products"]["product_id"]]
    return pd.DataFrame(rows, columns=READINESS_COLUMNS)


def checklist(ds: Dataset, product_id: str) -> pd.DataFrame:
    """The 12 documents of a product's dossier in contract order, with their status."""
    statuses = _dossier_statuses(ds).get(str(product_id).strip().upper(), {})
    return pd.DataFrame({
        "document": list(c.DOCUMENTS),
        "required": [d in c.REQUIRED_DOCUMENTS for d in c.DOCUMENTS],
        "status": [statuses.get(d, c.DOC_MISSING) for d in c.DOCUMENTS],
    })


# --- stars and certificates -----------------------------------------------------

def projected_stars(self_score) -> int | None:
    """The star band the self-assessed score would earn."""
    return None if self_score is None or pd.isna(self_score) else stars_from_score(float(self_score))


def expires_on(certified_on) -> pd.Timestamp:
    """The certificate's end: CERTIFICATE_MONTHS after certification (NaT without one)."""
    if certified_on is None or pd.isna(certified_on):
        return pd.NaT
    return pd.Timestamp(certified_on) + pd.DateOffset(months=c.CERTIFICATE_MONTHS)


def expiry_status(expires, today: date, warn_months: int = 6) -> str | None:
    """"expired", "expiring" (within warn_months of today) or "valid"; None without a certificate."""
    if expires is None or pd.isna(expires):
        return None
    expires, now = pd.Timestamp(expires), pd.Timestamp(today)
    if expires < now:
        return "expired"
    return "expiring" if expires <= now + pd.DateOffset(months=warn_months) else "valid"


# --- the pipeline table -----------------------------------------------------------

PRODUCT_TABLE_COLUMNS = ["product_id", "name", "producer_id", "producer_name", "group", "area", "stage",
                         "officer", "gate", "depth", "missing_required", "self_score", "projected_stars",
                         "score", "stars", "certified_on", "expires_on", "expiry_status"]


def _stage_rank(stages: pd.Series) -> pd.Series:
    """Position in contract.STAGES; a blank stage sorts last."""
    order = {stage: i for i, stage in enumerate(c.STAGES)}
    return stages.map(lambda s: order.get(s, len(order)))


def product_table(ds: Dataset, f: Filters, today: date) -> pd.DataFrame:
    """The ward's whole pipeline (group/khóm filters, not the year) with readiness and expiry."""
    products = filtered_products(ds, f).reset_index(drop=True)
    producers = ds.tables["producers"].set_index("producer_id")
    ready = readiness(ds).set_index("product_id")
    table = pd.DataFrame({
        "product_id": products["product_id"], "name": products["name"],
        "producer_id": products["producer_id"],
        "producer_name": products["producer_id"].map(producers["name"]),
        "group": products["group"], "area": products["producer_id"].map(producers["area"]),
        "stage": products["stage"], "officer": products["officer"],
        "gate": products["product_id"].map(ready["gate"]).astype(float),
        "depth": products["product_id"].map(ready["depth"]).astype(float),
        "missing_required": products["product_id"].map(ready["missing_required"]),
        "self_score": products["self_score"],
        "projected_stars": pd.array([projected_stars(s) for s in products["self_score"]], dtype="Int64"),
        "score": products["score"], "stars": products["stars_effective"],
        "certified_on": products["certified_on"],
    })
    table["expires_on"] = pd.to_datetime(table["certified_on"] + pd.DateOffset(months=c.CERTIFICATE_MONTHS))
    table["expiry_status"] = [expiry_status(e, today) for e in table["expires_on"]]
    table["_rank"] = _stage_rank(table["stage"])
    table = table.sort_values(["_rank", "product_id"], kind="stable").drop(columns="_rank")
    return table[PRODUCT_TABLE_COLUMNS].reset_index(drop=True)


def stage_funnel(products: pd.DataFrame) -> pd.DataFrame:
    """Products at or beyond each stage of the annual cycle (dropped-out and blank not counted)."""
    rank = products["stage"].map({stage: i for i, stage in enumerate(c.CYCLE_STAGES)})
    counts = [int((rank >= i).sum()) for i in range(len(c.CYCLE_STAGES))]
    return pd.DataFrame({"stage": list(c.CYCLE_STAGES), "count": counts})


def dropped_out(products: pd.DataFrame) -> int:
    """Products whose stage is Không tham gia."""
    return int((products["stage"] == c.DROPPED_OUT).sum())


def certificates_due(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of a product_table whose certificate has expired or expires soon, soonest first."""
    due = table[table["expiry_status"].isin(("expired", "expiring"))]
    return due.sort_values(["expires_on", "product_id"], kind="stable").reset_index(drop=True)
