drift
--reference
{bad}/../by/drift_reference.csv
--current
{bad}/empty.csv
--by
country
