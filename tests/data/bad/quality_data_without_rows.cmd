quality
--data
{bad}/header_only.csv
