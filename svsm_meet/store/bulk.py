"""Many rows into one table in one statement, for the writes of a whole archive."""

from __future__ import annotations

from sqlalchemy import insert


def insert_many(conn, table, rows: list[dict]) -> None:
    """ROWS (all with the same keys) into TABLE.  On SQLite straight to the driver's executemany,
    each value through its column type's own conversion: SQLAlchemy's executemany builds a
    parameter dictionary per row, which cost more than the insert itself on an import."""
    if not rows:
        return
    columns = list(rows[0])
    if conn.dialect.name != "sqlite" or any(len(row) != len(columns) for row in rows):
        conn.execute(insert(table), rows)
        return
    by_column = []  # a column at a time: one conversion looked up per column, not per value
    for name in columns:
        values = [row[name] for row in rows]
        convert = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        by_column.append(values if convert is None else [None if v is None else convert(v) for v in values])
    names = ", ".join(f'"{name}"' for name in columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})',
                          list(zip(*by_column)))
