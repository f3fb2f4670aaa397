"""Student search table: one narrow row per student with its person's folded name and sort key

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:45:00

The lookup sorts every match by the Polish sort key; reading it from the wide persons rows and
checking that each person is a student cost about 2 µs a match. This table holds just what the
lookup needs, one row per student, kept by triggers in the same transaction as any change to
a student or a person's name, and indexed for substring search like persons was.
"""

from alembic import op
import sqlalchemy as sa


def _binary_text(length: int) -> sa.types.TypeEngine:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = "student_id, person_id, student_number, search_name, first_name_folded, last_name_folded, sort_key"
FROM_SOURCE = (
    "SELECT s.id, s.person_id, s.student_number, p.search_name, p.first_name_folded, p.last_name_folded, p.sort_key "
    "FROM students s JOIN persons p ON p.id = s.person_id"
)


def upgrade() -> None:
    op.create_table(
        "student_search",
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("student_number", sa.String(length=20), nullable=False),
        sa.Column("search_name", sa.String(length=400), nullable=False),
        sa.Column("first_name_folded", sa.String(length=100), nullable=False),
        sa.Column("last_name_folded", sa.String(length=150), nullable=False),
        sa.Column("sort_key", _binary_text(600), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_student_search_student_id_students"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_student_search_person_id_persons")),
        sa.PrimaryKeyConstraint("student_id", name=op.f("pk_student_search")),
    )
    op.create_index("ix_student_search_order", "student_search", ["sort_key", "student_number", "student_id"])
    op.create_index("ix_student_search_person_id", "student_search", ["person_id"])
    op.create_index("ix_student_search_student_number", "student_search", ["student_number"])
    op.create_index("ix_student_search_last_name_folded", "student_search", ["last_name_folded"])
    op.create_index("ix_student_search_first_name_folded", "student_search", ["first_name_folded"])
    op.execute(f"INSERT INTO student_search ({COLUMNS}) {FROM_SOURCE}")
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgresql_upgrade()


def _sqlite_upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE student_search_text USING fts5("
        "search_name, content='student_search', content_rowid='student_id', tokenize='trigram')"
    )
    op.execute("INSERT INTO student_search_text(student_search_text) VALUES ('rebuild')")
    # The trigram index follows the search table.
    op.execute(
        "CREATE TRIGGER student_search_text_insert AFTER INSERT ON student_search BEGIN "
        "INSERT INTO student_search_text(rowid, search_name) VALUES (new.student_id, new.search_name); END"
    )
    op.execute(
        "CREATE TRIGGER student_search_text_delete AFTER DELETE ON student_search BEGIN "
        "INSERT INTO student_search_text(student_search_text, rowid, search_name) "
        "VALUES ('delete', old.student_id, old.search_name); END"
    )
    op.execute(
        "CREATE TRIGGER student_search_text_update AFTER UPDATE OF search_name ON student_search BEGIN "
        "INSERT INTO student_search_text(student_search_text, rowid, search_name) "
        "VALUES ('delete', old.student_id, old.search_name); "
        "INSERT INTO student_search_text(rowid, search_name) VALUES (new.student_id, new.search_name); END"
    )
    # The search table follows students and persons.
    op.execute(
        f"CREATE TRIGGER students_search_insert AFTER INSERT ON students BEGIN "
        f"INSERT INTO student_search ({COLUMNS}) {FROM_SOURCE} WHERE s.id = new.id; END"
    )
    op.execute(
        f"CREATE TRIGGER students_search_update AFTER UPDATE OF person_id, student_number ON students BEGIN "
        f"DELETE FROM student_search WHERE student_id = old.id; "
        f"INSERT INTO student_search ({COLUMNS}) {FROM_SOURCE} WHERE s.id = new.id; END"
    )
    op.execute(
        "CREATE TRIGGER students_search_delete AFTER DELETE ON students BEGIN "
        "DELETE FROM student_search WHERE student_id = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER persons_student_search_update "
        "AFTER UPDATE OF search_name, first_name_folded, last_name_folded, sort_key ON persons BEGIN "
        "UPDATE student_search SET search_name = new.search_name, first_name_folded = new.first_name_folded, "
        "last_name_folded = new.last_name_folded, sort_key = new.sort_key WHERE person_id = new.id; END"
    )


def _postgresql_upgrade() -> None:
    op.execute("CREATE INDEX ix_student_search_search_name_trgm ON student_search USING gin (search_name gin_trgm_ops)")
    op.execute(
        f"""
        CREATE FUNCTION desk_student_search_from_students() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                DELETE FROM student_search WHERE student_id = OLD.id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO student_search ({COLUMNS}) {FROM_SOURCE} WHERE s.id = NEW.id;
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER students_search AFTER INSERT OR DELETE OR UPDATE OF person_id, student_number ON students "
        "FOR EACH ROW EXECUTE FUNCTION desk_student_search_from_students()"
    )
    op.execute(
        """
        CREATE FUNCTION desk_student_search_from_persons() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE student_search SET search_name = NEW.search_name, first_name_folded = NEW.first_name_folded,
                last_name_folded = NEW.last_name_folded, sort_key = NEW.sort_key
            WHERE person_id = NEW.id;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        "CREATE TRIGGER persons_student_search AFTER UPDATE OF search_name, first_name_folded, last_name_folded, sort_key "
        "ON persons FOR EACH ROW EXECUTE FUNCTION desk_student_search_from_persons()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in (
            "student_search_text_insert", "student_search_text_delete", "student_search_text_update",
            "students_search_insert", "students_search_update", "students_search_delete",
            "persons_student_search_update",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS student_search_text")
    else:
        op.execute("DROP TRIGGER IF EXISTS students_search ON students")
        op.execute("DROP TRIGGER IF EXISTS persons_student_search ON persons")
        op.execute("DROP FUNCTION IF EXISTS desk_student_search_from_students()")
        op.execute("DROP FUNCTION IF EXISTS desk_student_search_from_persons()")
    op.drop_table("student_search")
