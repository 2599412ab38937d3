#pragma once

#include <string>

#include "events/envelope.hpp"

namespace saga::test {

class SagaStack;

/// Publishes (admin connection, publisher confirms) a copy of `event`, which inventory has already
/// handled, straight into inventory-service.dlq with the SPEC §4 dead-letter headers
/// (x-original-queue inventory-service, x-failure-reason retries_exhausted, ...), as if its ack had
/// been lost and its retries exhausted. A replay of it is skipped by inventory's inbox, so it
/// cannot come back. Returns the message id.
std::string DeadLetterHandledCopy(const SagaStack& stack, const events::Envelope& event);

}  // namespace saga::test
