profile
{bad}/metrics_id_target.csv
--max-rows
99999999999999999999999
