drift
--reference
{bad}/metrics_id_target.csv
--current
{bad}/metrics_id_target.csv
--bins
1001
