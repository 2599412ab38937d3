#include "runtime/amqp/field_table.hpp"

#include <type_traits>

namespace saga::runtime::amqp {

FieldTableView::FieldTableView(const Headers& headers) {
    entries_.reserve(headers.size());
    for (const auto& [key, value] : headers) {
        amqp_table_entry_t entry{};
        entry.key = BytesOf(key);
        std::visit(
            [&entry](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    entry.value.kind = AMQP_FIELD_KIND_UTF8;
                    entry.value.value.bytes = BytesOf(v);
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    entry.value.kind = AMQP_FIELD_KIND_I64;
                    entry.value.value.i64 = v;
                } else if constexpr (std::is_same_v<T, bool>) {
                    entry.value.kind = AMQP_FIELD_KIND_BOOLEAN;
                    entry.value.value.boolean = v ? 1 : 0;
                } else {
                    entry.value.kind = AMQP_FIELD_KIND_F64;
                    entry.value.value.f64 = v;
                }
            },
            value);
        entries_.push_back(entry);
    }
    table_.num_entries = static_cast<int>(entries_.size());
    table_.entries = entries_.empty() ? nullptr : entries_.data();
}

Headers ReadFieldTable(const amqp_table_t& table) {
    Headers headers;
    for (int i = 0; i < table.num_entries; ++i) {
        const amqp_table_entry_t& entry = table.entries[i];
        const std::string key = StringOf(entry.key);
        const amqp_field_value_t& v = entry.value;
        switch (v.kind) {
            case AMQP_FIELD_KIND_UTF8:
            case AMQP_FIELD_KIND_BYTES:
                headers[key] = StringOf(v.value.bytes);
                break;
            case AMQP_FIELD_KIND_BOOLEAN:
                headers[key] = v.value.boolean != 0;
                break;
            case AMQP_FIELD_KIND_I8:
                headers[key] = std::int64_t{v.value.i8};
                break;
            case AMQP_FIELD_KIND_U8:
                headers[key] = std::int64_t{v.value.u8};
                break;
            case AMQP_FIELD_KIND_I16:
                headers[key] = std::int64_t{v.value.i16};
                break;
            case AMQP_FIELD_KIND_U16:
                headers[key] = std::int64_t{v.value.u16};
                break;
            case AMQP_FIELD_KIND_I32:
                headers[key] = std::int64_t{v.value.i32};
                break;
            case AMQP_FIELD_KIND_U32:
                headers[key] = std::int64_t{v.value.u32};
                break;
            case AMQP_FIELD_KIND_I64:
                headers[key] = v.value.i64;
                break;
            case AMQP_FIELD_KIND_U64:
            case AMQP_FIELD_KIND_TIMESTAMP:
                headers[key] = static_cast<std::int64_t>(v.value.u64);
                break;
            case AMQP_FIELD_KIND_F32:
                headers[key] = double{v.value.f32};
                break;
            case AMQP_FIELD_KIND_F64:
                headers[key] = v.value.f64;
                break;
            default:
                break;  // arrays, tables, decimals: not part of this system's messages
        }
    }
    return headers;
}

}  // namespace saga::runtime::amqp
