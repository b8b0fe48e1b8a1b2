#!/bin/bash
# One-shot: creates every topic named in io.fairshare.contracts.Topics before the services start.
# Broker auto-creation is off, so a topic missing here is a start-up failure, not a silent default.
set -euo pipefail

create() {
  local topic=$1 partitions=$2
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP_SERVERS}" --create --if-not-exists \
    --topic "${topic}" --partitions "${partitions}" --replication-factor 1 "$@"
}

create fairshare.usage.accepted.v1 4 --config retention.ms=1209600000
create fairshare.usage.resolved.v1 4 --config retention.ms=1209600000
create fairshare.usage.unmatched.v1 4 --config retention.ms=1209600000
create fairshare.registry.changes.v1 4 --config cleanup.policy=compact
create fairshare.statements.issued.v1 4 --config retention.ms=34560000000
create fairshare.credentials.v1 4 --config cleanup.policy=compact

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP_SERVERS}" --describe --topic 'fairshare\..*'
