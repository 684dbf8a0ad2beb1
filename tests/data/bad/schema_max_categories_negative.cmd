schema
infer
{bad}/metrics_id_target.csv
--max-categories
-1
