#pragma once

// Conversion between the runtime's Headers and rabbitmq-c field tables. Internal to amqp/*.cpp.

#include <amqp.h>

#include <vector>

#include "runtime/amqp/message.hpp"

namespace saga::runtime::amqp {

/// A rabbitmq-c table view of `headers`; it borrows the strings of `headers`, which must
/// outlive it and stay unchanged.
class FieldTableView {
  public:
    explicit FieldTableView(const Headers& headers);
    const amqp_table_t* table() const { return &table_; }

  private:
    std::vector<amqp_table_entry_t> entries_;
    amqp_table_t table_{};
};

/// Copies the scalar entries of a table; arrays, nested tables and decimals are skipped.
Headers ReadFieldTable(const amqp_table_t& table);

inline amqp_bytes_t BytesOf(const std::string& text) { return {text.size(), const_cast<char*>(text.data())}; }
inline std::string StringOf(const amqp_bytes_t& bytes) {
    return bytes.len == 0 ? std::string() : std::string(static_cast<const char*>(bytes.bytes), bytes.len);
}

}  // namespace saga::runtime::amqp
