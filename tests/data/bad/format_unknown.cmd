--format
xml
profile
{bad}/metrics_id_target.csv
