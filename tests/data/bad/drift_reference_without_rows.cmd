drift
--reference
{bad}/header_only.csv
--current
{bad}/metrics_id_target.csv
