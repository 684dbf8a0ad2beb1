drift
--reference
{bad}/../by/drift_reference.csv
--current
{bad}/../by/drift_current.csv
--target
plam
