profile
{bad}/metrics_id_target.csv
--max-rows
1e3
