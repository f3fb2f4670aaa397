"""A stamp of the registrations' rules: what a process's copy of them is checked against

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 10:00:00

In a first-come rush every student's action asks the same facts of its registration: the
registration, its rounds, its offered courses and its access rules. A process keeps them and asks
only this one-row table whether they changed: triggers move its number on every change of those
four tables, by any writer, in the writer's transaction. The number grows by a random step, so two
databases (or a restored copy that then took other changes) do not share a number for different facts.
"""

from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("registrations", "rounds", "registration_courses", "access_rules")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "registration_facts_stamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_facts_stamp")),
    )
    op.execute("INSERT INTO registration_facts_stamp (id, version) VALUES (1, 1)")
    if sqlite:
        for table in TABLES:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER registration_facts_{table}_{operation.lower()} AFTER {operation} ON {table} BEGIN "
                    "UPDATE registration_facts_stamp SET version = version + 1 + abs(random() % 1000000); END"
                )
    else:
        op.execute(
            """
            CREATE FUNCTION desk_registration_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE registration_facts_stamp SET version = version + 1 + floor(random() * 1000000)::bigint;
                RETURN NULL;
            END $$
            """
        )
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER registration_facts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION desk_registration_facts_changed()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            for operation in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS registration_facts_{table}_{operation}")
    else:
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS registration_facts_changed ON {table}")
        op.execute("DROP FUNCTION IF EXISTS desk_registration_facts_changed()")
    op.drop_table("registration_facts_stamp")
