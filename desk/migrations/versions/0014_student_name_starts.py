"""Name-word starts of students: what a one- or two-letter search word is looked up in

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:00:00

A short search word matches the start of any name word: the first name, a middle name, either
part of a surname. The surname and first-name prefix indexes answered only two of these, so a
short word matching few students (looked up by index) missed middle names and second surnames
that the same word matching many students (checked row by row) found. This table holds, for
every student, the first two characters at each start of a name word of the folded name
(``search_name``): one index range answers a one- or two-letter word exactly. Triggers keep it
with the search table in the same transaction.
"""

from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# A name word starts at the beginning of the name and after each space or hyphen. SQLite counts
# the positions of a name with json_each over an array of as many zeros as the name has characters.
def _sqlite_starts(row: str, tables: str = "") -> str:
    return (
        f"SELECT substr({row}.search_name, position.key + 1, 2), {row}.student_id FROM {tables}"
        f"json_each('[' || rtrim(replace(hex(zeroblob(length({row}.search_name))), '00', '0,'), ',') || ']') AS position "
        f"WHERE position.key = 0 OR substr({row}.search_name, position.key, 1) IN (' ', '-')"
    )


def _postgresql_starts(row: str, tables: str = "") -> str:
    return (
        f"SELECT DISTINCT substr({row}.search_name, position, 2), {row}.student_id FROM {tables}"
        f"generate_series(1, length({row}.search_name)) AS position "
        f"WHERE position = 1 OR substr({row}.search_name, position - 1, 1) IN (' ', '-')"
    )


def _binary_text(length: int) -> sa.types.TypeEngine:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "student_name_starts",
        sa.Column("word_start", _binary_text(2), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["student_search.student_id"],
                                name=op.f("fk_student_name_starts_student_id_student_search"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("word_start", "student_id", name=op.f("pk_student_name_starts")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_student_name_starts_student_id", "student_name_starts", ["student_id"])
    if sqlite:
        op.execute("INSERT OR IGNORE INTO student_name_starts (word_start, student_id) "
                   + _sqlite_starts("s", "student_search AS s, "))
        new = _sqlite_starts("new")
        op.execute(
            "CREATE TRIGGER student_name_starts_insert AFTER INSERT ON student_search BEGIN "
            f"INSERT OR IGNORE INTO student_name_starts (word_start, student_id) {new}; END"
        )
        op.execute(
            "CREATE TRIGGER student_name_starts_update AFTER UPDATE OF search_name ON student_search BEGIN "
            "DELETE FROM student_name_starts WHERE student_id = old.student_id; "
            f"INSERT OR IGNORE INTO student_name_starts (word_start, student_id) {new}; END"
        )
        # Foreign keys may be off in a connection that is not the desk's: the starts go with the row anyway.
        op.execute(
            "CREATE TRIGGER student_name_starts_delete AFTER DELETE ON student_search BEGIN "
            "DELETE FROM student_name_starts WHERE student_id = old.student_id; END"
        )
    else:
        op.execute("INSERT INTO student_name_starts (word_start, student_id) "
                   + _postgresql_starts("s", "student_search AS s, "))
        op.execute(
            f"""
            CREATE FUNCTION desk_student_name_starts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    DELETE FROM student_name_starts WHERE student_id = OLD.student_id;
                END IF;
                INSERT INTO student_name_starts (word_start, student_id) {_postgresql_starts("NEW")};
                RETURN NULL;
            END $$
            """
        )
        op.execute(
            "CREATE TRIGGER student_name_starts AFTER INSERT OR UPDATE OF search_name ON student_search "
            "FOR EACH ROW EXECUTE FUNCTION desk_student_name_starts()"
        )
        # Statistics for the planner now, not when autovacuum first comes by.
        op.execute("ANALYZE student_name_starts")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("student_name_starts_insert", "student_name_starts_update", "student_name_starts_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("DROP TRIGGER IF EXISTS student_name_starts ON student_search")
        op.execute("DROP FUNCTION IF EXISTS desk_student_name_starts()")
    op.drop_index("ix_student_name_starts_student_id", table_name="student_name_starts")
    op.drop_table("student_name_starts")
