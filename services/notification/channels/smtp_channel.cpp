#include "notification/channels/smtp_channel.hpp"

#include "events/formats.hpp"
#include "notification/channels/curl_easy.hpp"
#include "notification/channels/mail_message.hpp"

namespace saga::notification {

void SmtpChannel::Send(const Notification& notification) {
    if (!events::IsEmail(notification.recipient)) {
        throw PermanentDeliveryError("recipient '" + notification.recipient + "' is not an e-mail address");
    }
    CurlEasy curl(timeout_);
    curl.SendMail(url_, from_, notification.recipient,
                  MailMessage(notification, from_, std::chrono::system_clock::now()));
}

}  // namespace saga::notification
