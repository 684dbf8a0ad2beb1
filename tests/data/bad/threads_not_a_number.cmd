--threads
abc
profile
{bad}/metrics_id_target.csv
