--threads
-2
profile
{bad}/metrics_id_target.csv
