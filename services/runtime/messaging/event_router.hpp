#pragma once

#include <map>
#include <string>
#include <vector>

#include "runtime/messaging/consumer_loop.hpp"

namespace saga::runtime::messaging {

/// Dispatches events to one handler per type; the registered types are the queue's bindings.
/// An event of a type without a handler is a programming error (the queue is bound only to
/// registered types) and throws, which sends it down the retry path.
class EventRouter {
  public:
    EventRouter& On(std::string type, EventHandler handler);
    /// What runs before the handlers of a batch (ConsumerOptions::before_batch); at most one.
    EventRouter& BeforeBatch(BatchPreparer preparer);

    std::vector<std::string> Types() const;
    /// A single handler for ConsumerLoop that dispatches by type. The router must outlive it.
    EventHandler AsHandler() const;
    const BatchPreparer& Preparer() const { return preparer_; }

  private:
    std::map<std::string, EventHandler> handlers_;
    BatchPreparer preparer_;
};

}  // namespace saga::runtime::messaging
