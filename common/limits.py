"""A time limit on what one request asks of the database, for pages whose cost is the reader's to choose
(a search's words)."""

from contextlib import contextmanager

from django.db import OperationalError, connection, transaction

# PostgreSQL's code for a statement cancelled by its statement_timeout.
QUERY_CANCELED = "57014"


class TooSlow(Exception):
    """A statement ran past the time limit and was cancelled; what the block wrote is rolled back."""


@contextmanager
def time_limit(milliseconds: int):
    """Run the block in a transaction (a savepoint inside one) whose statements PostgreSQL cancels after
    ``milliseconds`` each, raising TooSlow; the setting is the connection's own again afterwards. A
    no-op elsewhere, or for 0."""
    if connection.vendor != "postgresql" or not milliseconds:
        yield
        return
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)",
                    [f"{int(milliseconds)}ms"],
                )
                before, _ = cursor.fetchone()
            yield
            # Ends with the transaction; inside an outer one (a test's) it would outlive the block.
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == QUERY_CANCELED:
            raise TooSlow from error
        raise
