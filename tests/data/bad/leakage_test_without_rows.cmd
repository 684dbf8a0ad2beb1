leakage
--train
{bad}/metrics_id_target.csv
--test
{bad}/header_only.csv
