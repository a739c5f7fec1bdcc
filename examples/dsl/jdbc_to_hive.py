"""Batch: copy a MySQL table into Hive, read in 8 parallel splits of the primary key.

`partition_column` + `partition_num` split the query into key ranges, and `parallelism`
reads them at once; one function makes the job for any table.
"""

from stconfig.dsl import HiveSink, JdbcSource, Job, Secret


def copy_table(table: str, splits: int = 8) -> Job:
    """A job copying `shop.<table>` to `ods.<table>`."""
    with Job(f"{table}-jdbc-to-hive", mode="BATCH", parallelism=splits) as copy:
        rows = JdbcSource(
            url="jdbc:mysql://mysql:3306/shop",
            driver="com.mysql.cj.jdbc.Driver",
            user="reader",
            password=Secret("MYSQL_PASSWORD"),
            query=f"select * from shop.{table}",
            partition_column="id",
            partition_num=splits,
            fetch_size=5000,
            plugin_output=table,
        )
        rows >> HiveSink(table_name=f"ods.{table}", metastore_uri="thrift://hive-metastore:9083")
    return copy


job = copy_table("customers")
