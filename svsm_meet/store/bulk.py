"""Many rows into one table in one statement, for the writes of a whole archive."""

from __future__ import annotations

from sqlalchemy import insert


def insert_many(conn, table, rows: list[dict]) -> None:
    """ROWS (all with the same keys) into TABLE.  On SQLite straight to the driver's executemany,
    each value through its column type's own conversion: SQLAlchemy's executemany builds a
    parameter dictionary per row, which cost more than the insert itself on an import.  Anything
    that path does not do the same way (a Python-side default, rows of different keys) goes
    through SQLAlchemy."""
    if not rows:
        return
    keys = rows[0].keys()
    if (conn.dialect.name != "sqlite" or not keys or any(row.keys() != keys for row in rows)
            or any(c.default is not None or c.onupdate is not None for c in table.c)):
        conn.execute(insert(table), rows)
        return
    columns = [table.c[key] for key in keys]
    by_column = []  # a column at a time: one conversion looked up per column, not per value
    for key, column in zip(keys, columns):
        values = [row[key] for row in rows]
        convert = column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        first = values[0]
        if convert is not None and first is not None and all(v is first for v in values):
            values = [convert(first)] * len(values)  # one stamp all rows share: converted once
        elif convert is not None:
            values = [convert(v) for v in values]  # None too: JSON's 'null'
        by_column.append(values)
    quote = conn.dialect.identifier_preparer
    names = ", ".join(quote.quote(column.name) for column in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})",
                         list(zip(*by_column)))
