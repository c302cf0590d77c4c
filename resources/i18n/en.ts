<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../flows/catalog.py" line="123"/>
        <location filename="../../kiosk/home.py" line="90"/>
        <source>体验流程</source>
        <translation>Demo journey</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="123"/>
        <source>了解自助办理的步骤</source>
        <translation>See how self-service works</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="15"/>
        <source>体验流程：请选择办理方式</source>
        <translation>Demo: choose how to proceed</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="16"/>
        <location filename="../../flows/reissue.py" line="304"/>
        <source>请选择办理方式</source>
        <translation>Please choose how to proceed</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="18"/>
        <source>输入手机号码</source>
        <translation>Enter a mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="18"/>
        <source>用屏幕键盘输入</source>
        <translation>Type it on the screen keypad</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="19"/>
        <location filename="../../flows/pickup.py" line="129"/>
        <source>刷身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="19"/>
        <source>体验流程不读取身份证</source>
        <translation>The demo does not read ID cards</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="27"/>
        <location filename="../../flows/rating.py" line="242"/>
        <source>请输入手机号码</source>
        <translation>Enter your mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="28"/>
        <location filename="../../flows/rating.py" line="243"/>
        <source>请输入十一位手机号码</source>
        <translation>Please enter your 11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="29"/>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="39"/>
        <source>手机号码应为以 1 开头的十一位数字，请重新输入</source>
        <translation>A mobile number has 11 digits and starts with 1. Please try again</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="44"/>
        <source>办理完成</source>
        <translation>All done</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="45"/>
        <source>办理完成，受理编号 {n}</source>
        <translation>All done. Your reference number is {n}</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="46"/>
        <source>短信将发送到 {phone}</source>
        <translation>A text message will be sent to {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="40"/>
        <source>社会保险参保缴费证明</source>
        <translation>Social insurance contribution record</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="41"/>
        <source>个人所得税纳税记录</source>
        <translation>Individual income tax record</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="42"/>
        <source>住房公积金缴存证明</source>
        <translation>Housing fund contribution record</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="43"/>
        <source>不动产登记信息查询结果</source>
        <translation>Real estate registration record</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="47"/>
        <source>二维码内容被改动过，或不是出具机构签发的。此证明不可信</source>
        <translation>The QR code was altered, or was not issued by the issuing authority. This certificate cannot be trusted</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="48"/>
        <source>这不是证明上的核验二维码，请扫描证明页脚左下角的二维码</source>
        <translation>This is not a certificate&apos;s verification code. Please scan the QR code at the bottom left of the certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="49"/>
        <source>无法识别这种签名，请到窗口核验</source>
        <translation>This kind of signature is not recognised. Please have it checked at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="99"/>
        <source>证明打印暂时无法使用，请到窗口办理</source>
        <translation>Certificate printing is unavailable for now. Please go to a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="82"/>
        <source>请选择：刷身份证打印证明，或输入号码，或核验一份证明</source>
        <translation>Choose: read your ID card or type your ID number to print a certificate, or check a certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="86"/>
        <source>刷身份证打印</source>
        <translation>Print with your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="87"/>
        <source>社保、个税、公积金、不动产证明</source>
        <translation>Social insurance, income tax, housing fund, real estate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="89"/>
        <source>读卡器暂不可用，请选择输入身份证号码</source>
        <translation>Card reader unavailable: please type your ID number</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="91"/>
        <source>输入身份证号码打印</source>
        <translation>Print by typing your ID number</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="91"/>
        <source>需要刷脸核验本人</source>
        <translation>A face check confirms it is you</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="94"/>
        <location filename="../../flows/certificate.py" line="619"/>
        <source>核验证明真伪</source>
        <translation>Check a certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="95"/>
        <source>扫描证明上的二维码</source>
        <translation>Scan the QR code on a certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="97"/>
        <source>扫码器暂不可用</source>
        <translation>Scanner unavailable</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="135"/>
        <source>这张证件无法读取：{why}。可以返回选择输入身份证号码</source>
        <translation>This card cannot be read: {why}. You can go back and type your ID number instead</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="145"/>
        <source>正在查询您的信息，请稍候</source>
        <translation>Looking up your details, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="154"/>
        <source>无法核验本人</source>
        <translation>We cannot confirm it is you</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="162"/>
        <source>正在查询可打印的证明</source>
        <translation>Looking up the certificates you can print</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="178"/>
        <location filename="../../flows/certificate.py" line="179"/>
        <source>请选择要打印的证明</source>
        <translation>Please choose a certificate to print</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="184"/>
        <source>{issuer}出具，免费</source>
        <translation>Issued by {issuer}, free</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="187"/>
        <source>{issuer}出具，每份 {fee} 元</source>
        <translation>Issued by {issuer}, {fee} yuan a copy</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="192"/>
        <source>缴费系统暂不可用，此证明请到窗口办理</source>
        <translation>Payment is unavailable: please get this certificate at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="207"/>
        <source>最近 {n} 个月</source>
        <translation>Last {n} months</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="207"/>
        <source>{since} 至 {until}</source>
        <translation>{since} to {until}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="211"/>
        <source>全部记录</source>
        <translation>All records</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="211"/>
        <source>记录较多时页数较多</source>
        <translation>Many records make many pages</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="213"/>
        <source>请选择查询期间</source>
        <translation>Please choose a period</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="213"/>
        <source>请选择要打印哪段时间的记录</source>
        <translation>Please choose which period of records to print</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="233"/>
        <source>正在出具证明</source>
        <translation>Issuing the certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="233"/>
        <source>正在向出具机构查询，请稍候</source>
        <translation>Asking the issuing authority, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="237"/>
        <source>没有查到您的该项记录</source>
        <translation>No records of this kind were found for you</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="238"/>
        <source>{why}。可以换一个期间或其他证明，也可以到窗口咨询</source>
        <translation>{why}. You can choose another period or certificate, or ask at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="240"/>
        <source>选择其他证明</source>
        <translation>Choose another certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="255"/>
        <source>证明数据核验未通过</source>
        <translation>The certificate data did not pass the check</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="256"/>
        <source>为防止出具错误的证明，本次没有打印。请稍后再试或到窗口办理</source>
        <translation>Nothing was printed, so that no wrong certificate is issued. Please try again later or go to a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="264"/>
        <source>正在生成证明</source>
        <translation>Preparing the certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="264"/>
        <source>正在生成证明文件，请稍候</source>
        <translation>Preparing the certificate document, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="304"/>
        <source>没有缴费，证明没有打印</source>
        <translation>Not paid: the certificate was not printed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="317"/>
        <source>已缴的费用将原路退回。</source>
        <translation>The fee you paid will be refunded to where it came from. </translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="319"/>
        <source>已缴的费用稍后会自动原路退回。</source>
        <translation>The fee you paid will be refunded automatically later. </translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="320"/>
        <source>已缴费 {fee} 元。</source>
        <translation>Paid: {fee} yuan.</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="353"/>
        <source>请核对证明内容</source>
        <translation>Please check the certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="354"/>
        <source>请核对证明内容，确认后打印</source>
        <translation>Please check the certificate, then print it</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="358"/>
        <source>{name}，共 {pages} 页。打印出来的证明与此一致</source>
        <translation>{name}, pages: {pages}. The printed certificate is exactly this</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="359"/>
        <source>重新选择</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="359"/>
        <source>确认打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="361"/>
        <source>用“上一页”“下一页”翻看全部内容；内容无误请按“确认打印”。</source>
        <translation>Use Previous and Next to see every page; if everything is right, press Print.</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="381"/>
        <source>共 {sheets} 张 A4 纸，{fee} 元</source>
        <translation>{sheets} A4 sheets, {fee} yuan</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="386"/>
        <source>请选择打印份数（最多 {most} 份）</source>
        <translation>How many copies? (at most {most})</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="387"/>
        <source>请选择打印几份，最多 {most} 份</source>
        <translation>Please choose how many copies to print, at most {most}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="388"/>
        <source>{n} 份</source>
        <translation>Copies: {n}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="510"/>
        <source>{why}。已通知工作人员，打印机恢复后会接着打印。您可以等待，也可以取消打印{refund}。服务电话 {phone}</source>
        <translation>{why}. Staff have been told; printing goes on once the printer is back. You can wait, or cancel printing{refund}. Help line: {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="382"/>
        <source>共 {sheets} 张 A4 纸</source>
        <translation>A4 sheets in all: {sheets}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="414"/>
        <source>A4 打印机暂时无法使用</source>
        <translation>The A4 printer is unavailable for now</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="429"/>
        <location filename="../../flows/certificate.py" line="486"/>
        <source>正在打印证明，请稍候</source>
        <translation>Printing your certificate, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="432"/>
        <source>{why}。证明没有打印</source>
        <translation>{why}. The certificate was not printed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="452"/>
        <source>打印已取消</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="454"/>
        <source>证明没有打印出来。{refund}可以稍后再来打印，或到窗口办理；有疑问请拨打服务电话 {phone}，并告知证明编号 {serial}</source>
        <translation>The certificate was not printed. {refund}You can come back to print it later, or go to a counter. Questions: call {phone} and give the certificate number {serial}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="464"/>
        <source>打印机报告任务失败，证明没有打印出来</source>
        <translation>The printer reported the job failed; the certificate was not printed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="475"/>
        <location filename="../../flows/certificate.py" line="571"/>
        <source>证明没有打印</source>
        <translation>The certificate was not printed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="503"/>
        <source>，已缴的费用原路退回</source>
        <translation> (the fee you paid is refunded to your account)</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="508"/>
        <source>打印暂停</source>
        <translation>Printing paused</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="512"/>
        <source>A4 打印机暂停</source>
        <translation>The A4 printer has paused</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="516"/>
        <source>打印暂停，已通知工作人员</source>
        <translation>Printing paused; staff have been told</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="518"/>
        <source>取消打印</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="518"/>
        <source>继续等待</source>
        <translation>Keep waiting</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="539"/>
        <source>正在取消打印</source>
        <translation>Cancelling printing</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="539"/>
        <source>正在取消打印，请稍候</source>
        <translation>Cancelling printing, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="596"/>
        <source>证明已打印，请取走</source>
        <translation>Printed: please take your certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="590"/>
        <source>请在出纸口取走证明 {copies} 份（每份 {pages} 页）。
编号 {serial}。扫描页脚二维码可核验真伪</source>
        <translation>Please take the certificate from the paper slot (copies: {copies}, pages each: {pages}).
Serial {serial}. Scan the QR code at the foot of each page to check it</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="416"/>
        <source>{why}。证明没有打印，请稍后再试或到窗口办理。{refund}有疑问请拨打服务电话 {phone}</source>
        <translation>{why}. Nothing was printed. Please try again later or go to a counter. {refund}Questions: call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="569"/>
        <source>已缴的费用：重新打印不再收费，返回首页则原路退回。</source>
        <translation>Your fee: printing again costs nothing more; going home refunds it to your account. </translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="573"/>
        <source>{why}。{paid}可以稍后重新打印；有疑问请拨打服务电话 {phone}</source>
        <translation>{why}. {paid}You can print again later. Questions: call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="598"/>
        <source>证明已打印，请在出纸口取走</source>
        <translation>Your certificate is printed; please take it from the paper slot</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="600"/>
        <location filename="../../flows/certificate.py" line="655"/>
        <location filename="../../flows/demo.py" line="49"/>
        <location filename="../../flows/photo.py" line="190"/>
        <location filename="../../flows/photo.py" line="203"/>
        <location filename="../../flows/pickup.py" line="70"/>
        <location filename="../../flows/pickup.py" line="86"/>
        <location filename="../../flows/queue.py" line="291"/>
        <location filename="../../flows/rating.py" line="116"/>
        <location filename="../../flows/rating.py" line="141"/>
        <location filename="../../flows/reissue.py" line="98"/>
        <location filename="../../flows/reissue_slip.py" line="134"/>
        <location filename="../../flows/unresolved.py" line="87"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="600"/>
        <source>打印其他证明</source>
        <translation>Print another certificate</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="616"/>
        <source>暂时无法核验</source>
        <translation>Cannot check right now</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="616"/>
        <source>出具机构的核验密钥暂不可用，请到窗口核验</source>
        <translation>The issuing authority&apos;s verification key is unavailable. Please have it checked at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="620"/>
        <source>请将证明页脚左下角的二维码对准扫码口</source>
        <translation>Hold the QR code at the bottom left of the certificate to the scanner</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="621"/>
        <source>请将证明上的二维码对准扫码口</source>
        <translation>Hold the certificate&apos;s QR code to the scanner</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="634"/>
        <location filename="../../flows/certificate.py" line="636"/>
        <source>核验未通过</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="638"/>
        <location filename="../../flows/certificate.py" line="655"/>
        <source>再核验一份</source>
        <translation>Check another</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="645"/>
        <source>核验通过：证明由出具机构签发</source>
        <translation>Genuine: issued by the issuing authority</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="647"/>
        <source>证明：{kind}
编号：{serial}
持证人公民身份号码：{id}
出具时间：{issued}
请核对纸面上的以上信息是否一致</source>
        <translation>Certificate: {kind}
Serial: {serial}
Holder&apos;s ID number: {id}
Issued: {issued}
Please check that the paper shows the same</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="653"/>
        <source>核验通过，请核对纸面信息</source>
        <translation>Genuine; please check the details against the paper</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="93"/>
        <source>社保、个税、公积金、不动产证明，A4 打印，可扫码核验</source>
        <translation>Insurance, tax, housing fund and property records</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="97"/>
        <source>读卡器暂不可用，可输入号码办理</source>
        <translation>Card reader unavailable: type the ID number</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="51"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="133"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="180"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="180"/>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="91"/>
        <source>正在处理，请稍候</source>
        <translation>Working on it, please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="207"/>
        <source>{system}：{why}</source>
        <translation>{system}: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="246"/>
        <source>{device}：{why}</source>
        <translation>{device}: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="257"/>
        <source>语音播报不可用：{why}</source>
        <translation>Voice guidance unavailable: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="304"/>
        <source>评价系统不可用：{err}</source>
        <translation>Ratings unavailable: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="350"/>
        <source>取件柜库存不可用：{err}</source>
        <translation>Pickup locker inventory unavailable: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="394"/>
        <source>业务日志不可用：{err}</source>
        <translation>Transaction journal unavailable: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="14"/>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="15"/>
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="16"/>
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="17"/>
        <location filename="../../kiosk/ui/maintenance/camera.py" line="21"/>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="18"/>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="26"/>
        <source>取件柜</source>
        <translation>Pickup locker</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="56"/>
        <source>{device}暂不可用，请稍后再试或到窗口办理</source>
        <translation>{device} is unavailable now. Please try later or go to a counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="79"/>
        <source>{system}暂不可用：{why}</source>
        <translation>{system} is unavailable: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="65"/>
        <location filename="../../kiosk/home.py" line="19"/>
        <source>指纹仪</source>
        <extracomment>Health checks in a row with no answer before the link counts as lost. How long one port.read() may block; bounds how late a deadline is noticed. Commands the module works on before answering (exposure, feature extraction): their ack may take this many reply timeouts. Seconds between GenImg tries while waiting for a finger (a module takes ~0.1 s per look).</extracomment>
        <translation>Fingerprint scanner</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="75"/>
        <location filename="../../kiosk/home.py" line="20"/>
        <source>扫码器</source>
        <translation>Code scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="46"/>
        <source>即将开通，敬请期待</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="23"/>
        <source>排队系统暂时无法使用，请到服务台取号</source>
        <translation>The queue system is temporarily unavailable. Please get a ticket at the service desk.</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="75"/>
        <location filename="../../flows/queue.py" line="340"/>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="75"/>
        <source>已在网上或电话预约的市民</source>
        <translation>For citizens who booked online or by phone</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="77"/>
        <location filename="../../flows/queue.py" line="78"/>
        <source>请选择要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="81"/>
        <source>轻触您要办理的业务领取排队号；每项下方写有等候人数。灰色的业务现在不能取号，原因写在下方。</source>
        <translation>Touch a service to take a queue ticket; each shows how many people are waiting. Grey services cannot issue tickets now; the reason is shown below them.</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="97"/>
        <source>需要刷身份证，读卡器暂不可用</source>
        <translation>Needs ID card: reader off</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="102"/>
        <source>等候 {n} 人，约 {m} 分钟</source>
        <translation>{n} waiting, about {m} min</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="104"/>
        <source>现在无人等候</source>
        <translation>No one waiting now</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="112"/>
        <source>{name}需要实名取号</source>
        <translation>{name} requires a ticket with your ID card (real-name)</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="117"/>
        <source>是否刷身份证取号？</source>
        <translation>Scan your ID card to get a ticket?</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="118"/>
        <source>年满 {age} 周岁的市民刷身份证可优先办理</source>
        <translation>Citizens aged {age} or over get priority service by scanning their ID card</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="122"/>
        <source>刷身份证取号</source>
        <translation>Scan ID card for a ticket</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="125"/>
        <location filename="../../flows/queue.py" line="183"/>
        <source>直接取号</source>
        <translation>Get a ticket now</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="125"/>
        <source>不需要身份证</source>
        <translation>No ID card needed</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="120"/>
        <location filename="../../flows/pickup.py" line="213"/>
        <location filename="../../flows/queue.py" line="131"/>
        <source>请刷身份证</source>
        <translation>Please scan your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="149"/>
        <source>不刷卡，直接取号</source>
        <translation>Skip the ID card, just get a ticket</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="121"/>
        <location filename="../../flows/certificate.py" line="122"/>
        <location filename="../../flows/pickup.py" line="214"/>
        <location filename="../../flows/pickup.py" line="215"/>
        <location filename="../../flows/queue.py" line="152"/>
        <location filename="../../flows/queue.py" line="153"/>
        <location filename="../../flows/reissue.py" line="365"/>
        <source>请将身份证放在读卡区</source>
        <translation>Place your ID card on the card reader</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="236"/>
        <source>无法取号</source>
        <translation>Cannot get a ticket</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="270"/>
        <location filename="../../flows/reissue_slip.py" line="100"/>
        <location filename="../../flows/unresolved.py" line="110"/>
        <source>打印机不可用</source>
        <extracomment>an application in these states has a card coming: its slip may be reprinted</extracomment>
        <translation>Printer unavailable</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="249"/>
        <source>您前面还有 {n} 人，预计等候约 {m} 分钟</source>
        <translation>People ahead of you: {n}; estimated wait: about {m} min</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="123"/>
        <source>所有人都可以刷；年满 {age} 周岁可优先</source>
        <translation>Anyone can use it; priority from age {age}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="289"/>
        <source>您的号码是 {n}，请取走号票</source>
        <translation>Your number is {n}. Please take your ticket.</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="315"/>
        <source>{ahead}。请用手机拍下此页或扫描二维码保存号码。（{why}）</source>
        <translation>{ahead}. Please take a photo of this screen with your phone or scan the QR code to save your number. ({why})</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="316"/>
        <source>号票未能打印，您的号码是 {n}，请拍照保存</source>
        <translation>The ticket could not be printed. Your number is {n}. Please take a photo to keep it.</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="332"/>
        <source>我已记下号码</source>
        <translation>I have noted my number</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="20"/>
        <source>排队系统正在启动，请稍候</source>
        <translation>The queue system is starting, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="26"/>
        <source>工作人员已暂停全部取号，请到服务台咨询</source>
        <translation>Staff have paused all ticket services; please ask at the service desk</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="168"/>
        <source>这张证件无法使用：{why}。请取回后换一张证件，或到服务台咨询</source>
        <translation>This card cannot be used: {why}. Please take it back and try another card, or ask at the service desk</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="182"/>
        <source>您可以不刷卡直接取号，或选择其他业务。需要帮助请拨打 {phone}</source>
        <translation>You can take a ticket without your card, or choose another service. For help call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="183"/>
        <location filename="../../flows/queue.py" line="186"/>
        <source>选择其他业务</source>
        <translation>Other services</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="185"/>
        <source>此业务需要刷身份证。请选择其他业务，或到服务台办理。服务电话 {phone}</source>
        <translation>This service needs your ID card. Please choose another service or go to the service desk. Help line {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="188"/>
        <location filename="../../flows/reissue.py" line="392"/>
        <source>读卡器暂时无法使用</source>
        <translation>Card reader unavailable</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="203"/>
        <source>您的身份证还在读卡器上</source>
        <translation>Your ID card is still in the reader</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="203"/>
        <source>请取回您的身份证</source>
        <translation>Please take back your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="204"/>
        <source>请马上取回身份证，再继续</source>
        <translation>Please take your ID card now, then continue</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="206"/>
        <source>身份证已读取。请从读卡区取回，取回后继续</source>
        <translation>Your ID card has been read. Please take it from the reader to continue</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="207"/>
        <source>您的身份证还在读卡器上，请马上取回</source>
        <translation>Your ID card is still in the reader. Please take it now</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="209"/>
        <source>身份证已读取，请取回您的身份证</source>
        <translation>Your ID card has been read. Please take it back</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="251"/>
        <source>您前面没有人在等，请留意叫号</source>
        <translation>No one is ahead of you; please watch for your number to be called</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="259"/>
        <source>您的电子号票：{service}</source>
        <translation>Your on-screen ticket: {service}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="261"/>
        <source>{ahead}。纸质号票暂不可用，请用手机拍下此页或扫描二维码保存号码，凭此号码办理，与纸质号票同等有效</source>
        <translation>{ahead}. Paper tickets are not available: photograph this screen or scan the QR code to keep your number. It is as valid as a printed ticket</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="264"/>
        <source>您的号码是 {n}，请拍照或扫码保存</source>
        <translation>Your number is {n}. Please photograph the screen or scan the code</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="274"/>
        <source>正在打印号票</source>
        <translation>Printing ticket</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="274"/>
        <source>正在打印号票，请稍候</source>
        <translation>Printing your ticket, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="286"/>
        <source>请取走您的号票：{service}</source>
        <translation>Please take your ticket: {service}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="301"/>
        <source>您的号码有效：{service}</source>
        <translation>Your number is valid: {service}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="303"/>
        <source>{ahead}。打印机在出票时断开，号票可能已经打出，也可能没有。请查看出票口；没有号票时，请拍下此页或扫描二维码保存号码</source>
        <translation>{ahead}. The printer disconnected while printing: your ticket may or may not have come out. Please check the ticket slot; if there is no ticket, photograph this screen or scan the QR code to keep your number</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="306"/>
        <source>您的号码是 {n}，号票可能没有打出，请查看出票口或拍照保存</source>
        <translation>Your number is {n}. The ticket may not have printed: check the slot or photograph the screen</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="314"/>
        <source>号票未能打印，您的号码依然有效：{service}</source>
        <translation>Ticket not printed; your number is still valid: {service}</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="341"/>
        <source>请选择签到方式</source>
        <translation>Please choose how to check in</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="345"/>
        <source>刷身份证签到</source>
        <translation>Check in with ID card</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="347"/>
        <source>读卡器暂不可用</source>
        <translation>Card reader unavailable</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="55"/>
        <source>纸质号票暂不可用，可领取电子号票</source>
        <translation>No paper: your ticket is shown on screen</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="56"/>
        <source>读卡器暂不可用，实名取号请到服务台</source>
        <translation>Card reader unavailable: ID card services at the desk</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="349"/>
        <source>输入预约号签到</source>
        <translation>Check in with appointment number</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="349"/>
        <source>短信中的预约号</source>
        <translation>Appointment number from your text message</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="356"/>
        <source>请刷身份证签到</source>
        <translation>Please scan your ID card to check in</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="362"/>
        <source>没有找到您今天的预约</source>
        <translation>No appointment found for you today</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="363"/>
        <source>请确认预约日期，或直接取号排队</source>
        <translation>Please check your appointment date, or get a ticket and wait in line</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="374"/>
        <source>请输入预约号</source>
        <translation>Please enter your appointment number</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="375"/>
        <source>请输入短信中的预约号</source>
        <translation>Please enter the appointment number from your text message</translation>
    </message>
    <message>
        <location filename="../../flows/queue.py" line="376"/>
        <source>预约号</source>
        <translation>Appointment number</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="51"/>
        <location filename="../../kiosk/home.py" line="84"/>
        <source>取号排队</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="52"/>
        <source>选择业务，领取排队号</source>
        <translation>Choose a service and get a queue ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="86"/>
        <source>身份证补换领</source>
        <translation>ID card reissue</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="92"/>
        <location filename="../../flows/certificate.py" line="81"/>
        <location filename="../../kiosk/home.py" line="87"/>
        <source>证明打印</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="103"/>
        <location filename="../../kiosk/home.py" line="88"/>
        <source>证件领取</source>
        <translation>Collect a document</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo.py" line="408"/>
        <source>故障演示</source>
        <extracomment>extra steps contributed by service journeys: (name, walk(shell, snap))</extracomment>
        <translation>Fault demo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="67"/>
        <source>您还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="68"/>
        <source>还剩 {n} 秒</source>
        <translation>Seconds left: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="76"/>
        <source>本次办理即将结束，您的信息将被清除</source>
        <translation>This session will end soon and your details will be cleared</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="244"/>
        <location filename="../../kiosk/ui/overlays.py" line="77"/>
        <location filename="../../kiosk/ui/overlays.py" line="124"/>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="92"/>
        <location filename="../../kiosk/ui/shell.py" line="307"/>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="95"/>
        <source>需要人工帮助请拨打：{phone}</source>
        <translation>For help from a person, call: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="97"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="16"/>
        <source>用屏幕上的数字键输入，按“删除”改正一位，按“清空”重新输入，输完按“确认”。</source>
        <translation>Type on the on-screen keys; &quot;Delete&quot; removes one digit, &quot;Clear&quot; starts again. Press &quot;Confirm&quot; when done.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="70"/>
        <source>只有最后一位可以是 X</source>
        <translation>Only the last character can be X</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="72"/>
        <source>号码有误（校验位或出生日期不对），请核对后修改</source>
        <translation>This number is wrong (check character or birth date). Please check and correct it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="90"/>
        <source>位数不足，请输入 {n} 位数字</source>
        <translation>Too short: please enter {n} digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="91"/>
        <source>位数不足，请至少输入 {n} 位数字</source>
        <translation>Too short: please enter at least {n} digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/pin.py" line="33"/>
        <source>请输入密码</source>
        <translation>Enter PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="22"/>
        <source>小格</source>
        <translation>small</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="22"/>
        <source>中格</source>
        <translation>medium</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="22"/>
        <source>大格</source>
        <translation>large</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="27"/>
        <source>装取证件</source>
        <translation>Load cards</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="67"/>
        <source>扫描证件袋上的受理号，刷持证人的身份证，或输入受理号的 13 位数字</source>
        <translation>Scan the acceptance number on the card&apos;s envelope, read the holder&apos;s ID card, or type the number&apos;s 13 digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="108"/>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="72"/>
        <location filename="../../kiosk/ui/maintenance/pin.py" line="42"/>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="97"/>
        <location filename="../../kiosk/ui/screens/entry.py" line="30"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="109"/>
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="110"/>
        <source>符号</source>
        <translation>Symbols</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="111"/>
        <source>字母</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="112"/>
        <source>中/英</source>
        <translation>中/EN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="113"/>
        <source>大写</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="114"/>
        <source>收起</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="115"/>
        <source>中文：输入拼音，再在这里选字</source>
        <translation>Chinese: type pinyin, then pick the characters here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="116"/>
        <source>英文：直接输入字母</source>
        <translation>English: letters go in as typed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/keyboard.py" line="117"/>
        <source>符号：轻触即输入，按“字母”回到字母</source>
        <translation>Symbols: a touch types one; &quot;Letters&quot; goes back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="79"/>
        <source>装入{size}</source>
        <translation>Load: {size}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="88"/>
        <source>装入 {n} 号柜</source>
        <translation>Load into {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="93"/>
        <source>移到 {n} 号柜</source>
        <translation>Move to {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="100"/>
        <source>取回窗口</source>
        <translation>Back to counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="110"/>
        <source>在“取件柜”页选中一个柜格，可指定放入或移到该柜格</source>
        <translation>Select a compartment on the Pickup locker page to load into or move to that one</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="27"/>
        <source>需注意</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="28"/>
        <location filename="../../kiosk/ui/maintenance/page.py" line="34"/>
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="29"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="30"/>
        <source>空</source>
        <translation>Empty</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="31"/>
        <source>有件</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="32"/>
        <source>正在开门</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="33"/>
        <source>等待关门</source>
        <translation>Waiting for the door to close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="44"/>
        <source>{name}：{value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="112"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/page.py" line="113"/>
        <source>读取失败，请稍后再打开本页</source>
        <translation>Could not be read; open this page again later</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="20"/>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="22"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="29"/>
        <source>排队</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="25"/>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/logs.py" line="21"/>
        <source>日志</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="9"/>
        <source>检查柜内</source>
        <translation>Check inside</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="9"/>
        <source>取出遗留物品</source>
        <translation>Take out an item left behind</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="9"/>
        <source>协助市民取件</source>
        <translation>Help a citizen collect</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="10"/>
        <source>已在窗口交还</source>
        <translation>Handed back at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="10"/>
        <source>逾期未取退回</source>
        <translation>Not collected in time, returned</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="10"/>
        <source>放错柜格</source>
        <translation>Put in the wrong compartment</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="11"/>
        <source>门锁卡住</source>
        <translation>lock jammed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="11"/>
        <source>门关不上</source>
        <translation>door will not close</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="11"/>
        <source>柜内损坏</source>
        <translation>compartment damaged</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="12"/>
        <source>门锁已修好</source>
        <translation>Lock repaired</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="12"/>
        <source>柜门已调整</source>
        <translation>Door adjusted</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_reasons.py" line="12"/>
        <source>检查无故障</source>
        <translation>Checked, no fault found</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/logs.py" line="16"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/logs.py" line="16"/>
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/logs.py" line="16"/>
        <source>错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="169"/>
        <source>维护模式 · {staff}</source>
        <translation>Maintenance · {staff}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="173"/>
        <source>退出维护</source>
        <translation>Exit maintenance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="176"/>
        <source>重启终端</source>
        <translation>Restart kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="179"/>
        <source>夜间关机</source>
        <translation>Shut down for the night</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="190"/>
        <source>确定关机吗？关机后本机停止服务，直到有人开机</source>
        <translation>Shut down? The kiosk serves nobody until someone switches it on again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="192"/>
        <source>确认关机</source>
        <translation>Shut down now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="194"/>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="60"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="30"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="33"/>
        <source>本机未配置设备</source>
        <translation>No devices configured on this kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="36"/>
        <source>未处理的提醒</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="39"/>
        <source>没有未处理的提醒</source>
        <translation>No open alerts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="41"/>
        <source>（已确认）</source>
        <translation> (acknowledged)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="44"/>
        <source>确认收到</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="72"/>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="47"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="53"/>
        <source>今日数据</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="58"/>
        <source>正在读取今日数据…</source>
        <translation>Reading today&apos;s figures…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="60"/>
        <source>今日数据读取失败</source>
        <translation>Today&apos;s figures could not be read</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/overview.py" line="62"/>
        <source>本机没有可统计的数据</source>
        <translation>No figures on this kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="35"/>
        <source>本机没有凭条打印机</source>
        <translation>This kiosk has no receipt printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="38"/>
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="39"/>
        <source>已换纸</source>
        <translation>Paper refilled</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="46"/>
        <source>A4 打印队列</source>
        <translation>A4 print queue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="50"/>
        <source>正在读取打印队列…</source>
        <translation>Reading the print queue…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="53"/>
        <source>读取打印队列失败：{why}</source>
        <translation>Could not read the print queue: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="55"/>
        <source>打印队列为空</source>
        <translation>The print queue is empty</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="579"/>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="68"/>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/printer.py" line="77"/>
        <source>刷新打印队列</source>
        <translation>Refresh the print queue</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="48"/>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="64"/>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="39"/>
        <location filename="../../kiosk/ui/sim_cards.py" line="35"/>
        <source>本机没有取件柜，或库存不可用</source>
        <translation>No locker wall here, or its inventory is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="57"/>
        <source>业务系统未配置，请输入受理号</source>
        <translation>No platform configured: please type the acceptance number</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="62"/>
        <source>业务系统暂时无法连接，请输入受理号：{why}</source>
        <translation>The platform cannot be reached; please type the acceptance number: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="66"/>
        <source>此人没有待放入取件柜的证件</source>
        <translation>This person has no card waiting to be loaded</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="68"/>
        <source>已读卡：受理号 {acc}</source>
        <translation>Card read: acceptance number {acc}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="79"/>
        <source>{n} 号柜已打开，请取出证件交回窗口，然后关门</source>
        <translation>Compartment {n} is open: take the card to the counter, then shut the door</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="93"/>
        <source>{n} 号柜已打开，请放入证件，然后关门</source>
        <translation>Compartment {n} is open: put the card in, then shut the door</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="99"/>
        <source>没有打开的柜门</source>
        <translation>No door is open</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="103"/>
        <source>{n} 号柜门还没有关上；关门后会自动登记</source>
        <translation>Door {n} is still open; it is recorded once shut</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="105"/>
        <source>{n} 号柜已关门，业务系统已登记</source>
        <translation>Door {n} shut; the platform has it recorded</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="107"/>
        <source>{n} 号柜已关门；业务系统暂未应答，稍后自动登记</source>
        <translation>Door {n} shut; the platform is not answering and will be told later</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/locker_load.py" line="108"/>
        <source>{n} 号柜门没有打开，没有登记：{why}</source>
        <translation>Door {n} did not open; nothing recorded: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="57"/>
        <source>轻触一个柜格查看和操作</source>
        <translation>Tap a compartment to see and act on it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="60"/>
        <source>故障原因：{why}</source>
        <translation>Fault: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="21"/>
        <source>开门</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="21"/>
        <location filename="../../kiosk/ui/screens/entry.py" line="32"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="21"/>
        <source>已修复</source>
        <translation>Repaired</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="21"/>
        <source>标记故障</source>
        <translation>Mark faulty</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="79"/>
        <source>{n} 号柜 {action}：请选择原因</source>
        <translation>Compartment {n}, {action}: choose the reason</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="48"/>
        <source>本机没有排队取号服务，或排队数据库不可用</source>
        <translation>No queue service here, or the queue database is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="54"/>
        <source>已由工作人员暂停取号</source>
        <translation>Paused by staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="56"/>
        <source>可取号</source>
        <translation>Open for tickets</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="56"/>
        <source>暂停取号：{why}</source>
        <translation>Not issuing tickets: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="60"/>
        <source>今日已取 {issued} 个，等候 {waiting} 人</source>
        <translation>{issued} tickets today, {waiting} waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="68"/>
        <source>恢复取号</source>
        <translation>Resume tickets</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="72"/>
        <source>暂停取号</source>
        <translation>Pause tickets</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="81"/>
        <source>补打号票</source>
        <translation>Reprint a ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/queue.py" line="98"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/logs.py" line="45"/>
        <source>没有日志</source>
        <translation>No log lines</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/pin.py" line="45"/>
        <location filename="../../kiosk/ui/screens/entry.py" line="33"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="88"/>
        <source>位数不足，请至少输入 {n} 位</source>
        <translation>Too short: please enter at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="62"/>
        <source>抱歉，本次办理未能完成</source>
        <translation>Sorry, this could not be completed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="64"/>
        <source>抱歉，本次办理未能完成，请返回首页重新开始</source>
        <translation>Sorry, this could not be completed. Please start again from the home screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="72"/>
        <source>轻触一项业务开始办理。灰色的业务现在不能办理，原因写在下方。需要大字体请按“长者模式”。</source>
        <translation>Touch a service to begin. Grey services are not available now; the reason is shown below them. For larger text, press &quot;Elderly mode&quot;.</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="240"/>
        <location filename="../../flows/certificate.py" line="579"/>
        <location filename="../../flows/certificate.py" line="638"/>
        <location filename="../../flows/fingerprints.py" line="216"/>
        <location filename="../../flows/photo.py" line="139"/>
        <location filename="../../flows/photo.py" line="154"/>
        <location filename="../../flows/photo.py" line="212"/>
        <location filename="../../flows/queue.py" line="186"/>
        <location filename="../../flows/queue.py" line="240"/>
        <location filename="../../flows/queue.py" line="365"/>
        <location filename="../../flows/reissue.py" line="512"/>
        <location filename="../../flows/unresolved.py" line="67"/>
        <location filename="../../kiosk/ui/maintenance/pin.py" line="44"/>
        <location filename="../../kiosk/ui/shell.py" line="66"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="59"/>
        <source>系统出现了问题，您的信息已清除，没有产生任何费用。请返回首页重新开始</source>
        <translation>Something went wrong. Your details have been cleared and you have not been charged. Please start again from the home screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="60"/>
        <source>{cleared}；需要帮助请拨打服务电话 {phone}</source>
        <translation>{cleared}; for help, call {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="306"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="499"/>
        <source>按“首页”可放弃本次办理，您的信息会被清除。</source>
        <translation>Press &quot;Home&quot; to stop; your information will be erased.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="503"/>
        <source>这一步不能按“首页”离开，请按屏幕上的按钮继续。</source>
        <translation>&quot;Home&quot; does not work at this step; use the buttons on the screen to go on.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="504"/>
        <source>这一步不能按“首页”离开，请稍候，完成后屏幕会提示下一步。</source>
        <translation>&quot;Home&quot; does not work at this step; please wait, the screen will tell you what comes next.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="553"/>
        <source>您还在吗？请轻触屏幕继续</source>
        <translation>Are you still there? Touch the screen to continue</translation>
    </message>
    <message>
        <location filename="../../backends/reachability.py" line="19"/>
        <source>政务服务平台</source>
        <translation>Government service platform</translation>
    </message>
    <message>
        <location filename="../../backends/reachability.py" line="19"/>
        <source>支付平台</source>
        <translation>Payment gateway</translation>
    </message>
    <message>
        <location filename="../../backends/reachability.py" line="34"/>
        <source>未配置</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../backends/reachability.py" line="35"/>
        <location filename="../../devices/base.py" line="161"/>
        <source>正在连接</source>
        <extracomment>Reconnect delays (first, cap) in seconds. The cap is short on purpose: a reopen attempt costs one port open and one status poll, while a long cap keeps a device that answers again away for as long as the cap (15 s of garbage once kept a printer off for 16 s more). seconds between poll() calls while connected</extracomment>
        <translation>Connecting</translation>
    </message>
    <message>
        <location filename="../../backends/reachability.py" line="77"/>
        <source>暂时无法连接</source>
        <translation>cannot be reached at the moment</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="214"/>
        <source>设备无响应</source>
        <translation>Device not responding</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="264"/>
        <source>无法连接：{err}</source>
        <translation>Cannot connect: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="278"/>
        <source>设备故障：{err}</source>
        <translation>Device fault: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="284"/>
        <source>设备已停止</source>
        <translation>Device stopped</translation>
    </message>
    <message>
        <location filename="../../devices/manager.py" line="54"/>
        <source>本机未配置该设备</source>
        <translation>Not installed on this kiosk</translation>
    </message>
    <message>
        <location filename="../../devices/manager.py" line="76"/>
        <source>驱动程序无法加载：{err}</source>
        <translation>Driver failed to load: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/attract.py" line="43"/>
        <source>需要帮助请拨打服务电话 {phone}</source>
        <translation>For help, call {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/attract.py" line="46"/>
        <location filename="../../kiosk/ui/screens/attract.py" line="49"/>
        <source>请轻触屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="125"/>
        <location filename="../../flows/certificate.py" line="623"/>
        <location filename="../../flows/pickup.py" line="127"/>
        <location filename="../../flows/pickup.py" line="154"/>
        <location filename="../../flows/pickup.py" line="217"/>
        <location filename="../../flows/queue.py" line="147"/>
        <location filename="../../flows/reissue.py" line="369"/>
        <location filename="../../kiosk/ui/maintenance/lockers.py" line="87"/>
        <location filename="../../kiosk/ui/screens/base.py" line="89"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="121"/>
        <location filename="../../kiosk/ui/shell.py" line="334"/>
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="124"/>
        <source>退出长者模式</source>
        <translation>Leave elderly mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="124"/>
        <source>长者模式（大字体、慢节奏）</source>
        <translation>Elderly mode (large text, more time)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="126"/>
        <source>更多业务 ▼</source>
        <translation>More services ▼</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="32"/>
        <source>自助机</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="32"/>
        <source>柜台</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="32"/>
        <source>评价器</source>
        <translation>Rating pad</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="32"/>
        <source>叫号屏</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="66"/>
        <source>设备模拟器</source>
        <translation>Device simulator</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="76"/>
        <source>平台与支付（参考服务）</source>
        <translation>Platform and payment (reference servers)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="78"/>
        <source>没有正在运行的模拟设备</source>
        <translation>No simulated devices running</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="159"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../../devices/sim.py" line="73"/>
        <source>拔出设备</source>
        <extracomment>input kept for tests to inspect; simulate mode runs for days, so older input is dropped</extracomment>
        <translation>Unplug device</translation>
    </message>
    <message>
        <location filename="../../devices/sim.py" line="74"/>
        <source>插回设备</source>
        <translation>Plug device back in</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="24"/>
        <location filename="../../devices/a4printer/cups.py" line="25"/>
        <source>A4 打印纸已用完</source>
        <translation>A4 printer is out of paper</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="26"/>
        <source>A4 打印机卡纸</source>
        <translation>A4 printer paper jam</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="27"/>
        <location filename="../../devices/a4printer/cups.py" line="28"/>
        <source>A4 打印机盖未关</source>
        <translation>A4 printer cover is open</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="29"/>
        <source>A4 打印机纸盒未装好</source>
        <translation>A4 printer paper tray is not inserted properly</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="30"/>
        <location filename="../../devices/a4printer/cups.py" line="31"/>
        <source>A4 打印机碳粉已用完</source>
        <translation>A4 printer is out of toner</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="32"/>
        <source>A4 打印机脱机</source>
        <translation>A4 printer is offline</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="35"/>
        <source>A4 纸将用尽</source>
        <translation>A4 paper is running low</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="36"/>
        <location filename="../../devices/a4printer/cups.py" line="37"/>
        <source>A4 打印机碳粉不足</source>
        <translation>A4 printer toner is low</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="80"/>
        <source>A4 打印机上次报告缺纸，请确认已加纸</source>
        <translation>The A4 printer last reported no paper: check that paper is loaded</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/cups.py" line="86"/>
        <source>A4 打印机已停用：{why}</source>
        <translation>A4 printer disabled: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="57"/>
        <source>找不到打印命令 {cmd}（未安装 CUPS？）</source>
        <translation>Print command {cmd} not found (is CUPS installed?)</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="59"/>
        <source>打印服务无响应</source>
        <translation>Print service not responding</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="73"/>
        <source>没有默认打印机：{err}</source>
        <translation>No default printer: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="84"/>
        <location filename="../../devices/a4printer/driver.py" line="88"/>
        <source>A4 打印机不可用：{err}</source>
        <translation>A4 printer unavailable: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="104"/>
        <location filename="../../devices/printer/driver.py" line="171"/>
        <source>无法打印：{why}</source>
        <translation>Cannot print: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="110"/>
        <location filename="../../devices/a4printer/driver.py" line="114"/>
        <source>打印任务提交失败：{err}</source>
        <translation>Failed to submit print job: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="138"/>
        <location filename="../../devices/a4printer/driver.py" line="142"/>
        <source>读取打印队列失败：{err}</source>
        <translation>Could not read the print queue: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="148"/>
        <source>无法取消打印任务：{err}</source>
        <translation>Cannot cancel the print job: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="157"/>
        <source>无法重新打印：{err}</source>
        <translation>Cannot print again: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="184"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="185"/>
        <source>打印失败</source>
        <translation>Print failed</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="186"/>
        <source>等待打印</source>
        <translation>Waiting to print</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="187"/>
        <location filename="../../flows/certificate.py" line="429"/>
        <location filename="../../flows/certificate.py" line="486"/>
        <source>正在打印</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/driver.py" line="188"/>
        <source>状态未知</source>
        <translation>Status unknown</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="24"/>
        <location filename="../../devices/camera/simulator.py" line="181"/>
        <location filename="../../devices/printer/simulator.py" line="29"/>
        <location filename="../../kiosk/ui/maintenance/page.py" line="26"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="25"/>
        <location filename="../../devices/printer/simulator.py" line="30"/>
        <location filename="../../devices/printer/status.py" line="172"/>
        <source>纸将用尽</source>
        <translation>Paper running low</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="27"/>
        <location filename="../../devices/printer/simulator.py" line="31"/>
        <source>缺纸</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="28"/>
        <source>卡纸</source>
        <translation>Paper jam</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="29"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="30"/>
        <location filename="../../devices/printer/simulator.py" line="33"/>
        <source>脱机</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="137"/>
        <source>A4 打印机状态</source>
        <translation>A4 printer status</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="142"/>
        <location filename="../../devices/printer/simulator.py" line="145"/>
        <source>打印中缺纸</source>
        <translation>Paper runs out while printing</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="143"/>
        <source>打印中脱机</source>
        <translation>Goes offline mid-job</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="144"/>
        <source>下一份打印失败</source>
        <translation>Next job fails</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="145"/>
        <source>停止打印服务</source>
        <translation>Stop print service</translation>
    </message>
    <message>
        <location filename="../../devices/a4printer/simulator.py" line="146"/>
        <source>启动打印服务</source>
        <translation>Start print service</translation>
    </message>
    <message>
        <location filename="../../devices/camera/driver.py" line="46"/>
        <location filename="../../devices/scanner/driver.py" line="206"/>
        <source>无法打开摄像头：{err}</source>
        <translation>Cannot open camera: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/camera/driver.py" line="69"/>
        <source>摄像头画面中断</source>
        <translation>Camera feed interrupted</translation>
    </message>
    <message>
        <location filename="../../devices/camera/driver.py" line="71"/>
        <source>摄像头{s}秒没有画面</source>
        <translation>No camera image for {s} seconds</translation>
    </message>
    <message>
        <location filename="../../devices/camera/driver.py" line="90"/>
        <location filename="../../devices/scanner/driver.py" line="220"/>
        <source>摄像头没有画面</source>
        <translation>No camera image</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="23"/>
        <source>请面向镜头，让脸出现在画面中</source>
        <translation>Please face the camera so your face is in the frame</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="24"/>
        <source>画面中只能有一个人</source>
        <translation>Only one person may be in the frame</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="25"/>
        <source>光线太暗，请靠近灯光</source>
        <translation>Too dark. Please move closer to the light.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="26"/>
        <source>脸部光线不均匀，请正对灯光</source>
        <translation>Uneven light on your face. Please face the light directly.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="27"/>
        <source>请靠近一点</source>
        <translation>Please move a little closer</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="28"/>
        <source>请后退一点</source>
        <translation>Please move back a little</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="29"/>
        <source>请向左移一点</source>
        <translation>Please move a little to the left</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="30"/>
        <source>请向右移一点</source>
        <translation>Please move a little to the right</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="31"/>
        <source>请摆正头部，眼睛看镜头</source>
        <translation>Please hold your head straight and look at the camera</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="32"/>
        <source>画面模糊，请保持不动</source>
        <translation>Image is blurry. Please hold still.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="33"/>
        <source>很好，请保持不动</source>
        <translation>Good. Please hold still.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="34"/>
        <location filename="../../devices/camera/guidance.py" line="180"/>
        <source>准备拍照 {n}</source>
        <translation>Taking photo in {n}</translation>
    </message>
    <message>
        <location filename="../../devices/camera/guidance.py" line="35"/>
        <source>拍好了</source>
        <translation>Photo taken</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="267"/>
        <source>照片中没有找到人脸</source>
        <translation>No face found in the photo</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="270"/>
        <source>照片中有多个人脸，只能有一个人</source>
        <translation>More than one face in the photo. Only one person is allowed.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="276"/>
        <source>人脸太小（{w} 像素，至少需要 {need} 像素），请靠近镜头</source>
        <translation>Face too small ({w} pixels, at least {need} needed). Please move closer to the camera.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="297"/>
        <source>人像太靠近画面边缘，请站到画面中间</source>
        <translation>You are too close to the edge of the frame. Please stand in the middle.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="306"/>
        <source>看不到人像周围的背景，请后退一点</source>
        <translation>The background around you is not visible. Please move back a little.</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="308"/>
        <source>背景太暗（亮度 {v}），无法处理成白色背景</source>
        <translation>Background too dark (brightness {v}) to make it white</translation>
    </message>
    <message>
        <location filename="../../devices/camera/idphoto.py" line="311"/>
        <source>背景不均匀（起伏 {v}），无法处理成白色背景</source>
        <translation>Background too uneven (variation {v}) to make it white</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="54"/>
        <source>{which}中没有找到人脸</source>
        <translation>No face found: {which}</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="68"/>
        <location filename="../../devices/camera/match.py" line="89"/>
        <source>现场照片</source>
        <translation>Live photo</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="69"/>
        <location filename="../../devices/camera/match.py" line="90"/>
        <source>参考照片</source>
        <translation>Reference photo</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="78"/>
        <source>人脸比对模型文件不存在：{path}</source>
        <translation>Face matching model file not found: {path}</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="125"/>
        <source>未配置人脸比对服务地址</source>
        <translation>Face matching service address not configured</translation>
    </message>
    <message>
        <location filename="../../devices/camera/match.py" line="140"/>
        <source>人脸比对服务不可用：{err}</source>
        <translation>Face matching service unavailable: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="159"/>
        <source>画面中的人</source>
        <translation>People in view</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="161"/>
        <source>一个人</source>
        <translation>One person</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="161"/>
        <source>两个人</source>
        <translation>Two people</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="161"/>
        <source>没有人</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="164"/>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="169"/>
        <source>居中</source>
        <translation>Centered</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="170"/>
        <source>偏左</source>
        <translation>Too far left</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="171"/>
        <source>偏右</source>
        <translation>Too far right</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="172"/>
        <source>太远</source>
        <translation>Too far</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="173"/>
        <source>太近</source>
        <translation>Too close</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="174"/>
        <source>歪头</source>
        <translation>Head tilted</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="179"/>
        <source>光线</source>
        <translation>Lighting</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="181"/>
        <source>太暗</source>
        <translation>Too dark</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="181"/>
        <source>半边阴影</source>
        <translation>Shadow on half the face</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="183"/>
        <source>模糊/清晰</source>
        <translation>Blurry/sharp</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="184"/>
        <source>拔出摄像头</source>
        <translation>Unplug camera</translation>
    </message>
    <message>
        <location filename="../../devices/camera/simulator.py" line="185"/>
        <source>插回摄像头</source>
        <translation>Plug camera back in</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="51"/>
        <source>操作成功</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="52"/>
        <source>找卡成功</source>
        <translation>Card found</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="53"/>
        <source>无此内容</source>
        <translation>No such content</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="54"/>
        <source>接收业务终端数据的校验和错</source>
        <translation>Checksum error in data from the terminal</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="55"/>
        <source>接收业务终端数据的长度错</source>
        <translation>Length error in data from the terminal</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="56"/>
        <source>接收业务终端的命令错误</source>
        <translation>Invalid command from the terminal</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="57"/>
        <source>越权操作</source>
        <translation>Unauthorized operation</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="58"/>
        <source>无法识别的错误</source>
        <translation>Unrecognized error</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="59"/>
        <source>卡认证机具失败</source>
        <translation>Card failed to authenticate the device</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="60"/>
        <source>机具认证卡失败</source>
        <translation>Device failed to authenticate the card</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="61"/>
        <source>信息验证错误</source>
        <translation>Information verification error</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="62"/>
        <source>无法识别的卡类型</source>
        <translation>Unrecognized card type</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="63"/>
        <source>读卡操作失败</source>
        <translation>Card read failed</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="64"/>
        <source>取随机数失败</source>
        <translation>Failed to get random number</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="65"/>
        <source>SAM 自检失败</source>
        <translation>SAM self-test failed</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="66"/>
        <source>SAM 未经授权</source>
        <translation>SAM not authorized</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="67"/>
        <source>找卡失败（无卡）</source>
        <translation>Card search failed (no card)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="68"/>
        <source>选卡失败</source>
        <translation>Card selection failed</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="73"/>
        <source>未知状态码 {code}</source>
        <translation>Unknown status code {code}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="97"/>
        <source>读卡器返回 {code}：{meaning}</source>
        <translation>Card reader returned {code}: {meaning}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="131"/>
        <source>帧头错误</source>
        <translation>Frame header error</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="133"/>
        <source>帧过短：{n} 字节</source>
        <translation>Frame too short: {n} bytes</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="136"/>
        <source>长度字段 {length} 与实际 {actual} 字节不符</source>
        <translation>Length field {length} does not match actual {actual} bytes</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="138"/>
        <source>校验和错误</source>
        <translation>Checksum error</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="166"/>
        <source>应答缺少状态字</source>
        <translation>Response missing status word</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="174"/>
        <source>请求缺少命令字</source>
        <translation>Request missing command word</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="242"/>
        <source>{field}的文字编码无效</source>
        <translation>Invalid text encoding in {field}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="249"/>
        <location filename="../../devices/idcard/codec.py" line="253"/>
        <source>{field}不是有效日期：{value!r}</source>
        <translation>{field} is not a valid date: {value!r}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="268"/>
        <location filename="../../devices/idcard/record.py" line="158"/>
        <source>性别代码无效：{code!r}</source>
        <translation>Invalid sex code: {code!r}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="277"/>
        <source>{field}不是数字：{value!r}</source>
        <translation>{field} is not a number: {value!r}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="292"/>
        <location filename="../../devices/idcard/codec.py" line="458"/>
        <source>文字信息长度应为 256 字节，实际 {n}</source>
        <translation>Text data should be 256 bytes, got {n}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="298"/>
        <source>无法识别的证件类型标志：{flag!r}</source>
        <translation>Unrecognized card type flag: {flag!r}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="451"/>
        <source>读卡应答过短：{n} 字节</source>
        <translation>Card read response too short: {n} bytes</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="455"/>
        <source>读卡应答长度 {n} 与分段长度 {sizes} 不符</source>
        <translation>Card read response length {n} does not match section lengths {sizes}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="481"/>
        <source>追加住址长度无效：{n} 字节</source>
        <translation>Invalid additional address length: {n} bytes</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/codec.py" line="495"/>
        <source>SAM 编号应为 16 字节，实际 {n}</source>
        <translation>SAM number should be 16 bytes, got {n}</translation>
    </message>
    <message>
        <location filename="../../core/text.py" line="60"/>
        <location filename="../../devices/fingerprint/model.py" line="112"/>
        <source>{a}；{b}</source>
        <translation>{a}; {b}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="57"/>
        <source>读卡器</source>
        <extracomment>Polls in a row that failed before the status shows it (one glitch must not flicker the UI). Polls in a row with no answer at all before the link counts as lost (reopened with backoff). Failed reads of one card before it is reported unreadable instead of retried.</extracomment>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="63"/>
        <source>读卡器无应答（{port}）</source>
        <translation>Card reader not responding ({port})</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="89"/>
        <source>读卡器无应答：{err}</source>
        <translation>Card reader not responding: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="117"/>
        <source>安全模块异常：{err}</source>
        <translation>Security module error: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="142"/>
        <source>无法读取此卡：{err}</source>
        <translation>Cannot read this card: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="150"/>
        <source>读卡器未连接</source>
        <translation>Card reader not connected</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="182"/>
        <source>证件信息无法识别：{err}</source>
        <translation>Card information not recognized: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="190"/>
        <source>证件校验未通过：{why}</source>
        <translation>Card verification failed: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/driver.py" line="209"/>
        <source>读卡器上没有身份证</source>
        <translation>No ID card on the card reader</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/link.py" line="92"/>
        <source>读卡器应答损坏（{cmd}）：{err}</source>
        <extracomment>What a vanished port raises (tcflush on a dead pty raises termios.error, not OSError). Seconds per command (reference/protocols.md &quot;typical timeouts&quot;), before timeout_scale. How long one port.read() may block; bounds how late a deadline is noticed.</extracomment>
        <translation>Corrupted card reader response ({cmd}): {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/link.py" line="100"/>
        <source>应答不完整</source>
        <translation>Incomplete response</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/link.py" line="100"/>
        <source>无应答</source>
        <translation>No response</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/link.py" line="103"/>
        <source>读卡器{what}（命令 {cmd}，{ms} 毫秒）</source>
        <translation>Card reader: {what} (command {cmd}, {ms} ms)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/link.py" line="110"/>
        <source>读卡器连接中断：{err}</source>
        <translation>Card reader connection lost: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/photo.py" line="45"/>
        <source>未配置照片解码库，照片无法解码</source>
        <extracomment>why decode() cannot work at all (shown once in the device status); empty when usable</extracomment>
        <translation>Photo decoding library not configured; the photo cannot be decoded</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/photo.py" line="75"/>
        <source>照片解码库无法加载：{err}</source>
        <translation>Cannot load photo decoding library: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/photo.py" line="86"/>
        <source>照片数据长度应为 1024 字节，实际 {n}</source>
        <translation>Photo data should be 1024 bytes, got {n}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/photo.py" line="92"/>
        <source>照片解码失败（返回 {rc}）</source>
        <translation>Photo decoding failed (returned {rc})</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="139"/>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="140"/>
        <source>居民身份证（七十岁以上）</source>
        <translation>Resident ID card (age 70 or over)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="141"/>
        <source>居民身份证（姓名含生僻字）</source>
        <translation>Resident ID card (rare characters in name)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="142"/>
        <source>港澳台居民居住证</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="143"/>
        <source>外国人永久居留证（2017版）</source>
        <translation>Foreign permanent resident card (2017 version)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="144"/>
        <source>外国人永久居留身份证（2023版）</source>
        <translation>Foreign permanent resident ID card (2023 version)</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/presets.py" line="145"/>
        <source>校验位错误的身份证</source>
        <translation>ID card with wrong check digit</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="27"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="28"/>
        <source>英文姓名</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="29"/>
        <source>民族</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="30"/>
        <location filename="../../devices/idcard/record.py" line="31"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="32"/>
        <source>签发机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="33"/>
        <source>国籍</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="34"/>
        <source>通行证号码</source>
        <translation>Travel permit number</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="153"/>
        <source>姓名为空</source>
        <translation>Name is empty</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="156"/>
        <source>{field}含有不可显示的字符</source>
        <translation>{field} contains characters that cannot be displayed</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="160"/>
        <source>证件照片数据为空</source>
        <translation>The card&apos;s photo data is empty</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="163"/>
        <source>永久居留证号码格式不正确：{number}</source>
        <translation>Invalid permanent resident card number format: {number}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="165"/>
        <source>永久居留证号码与国籍不符</source>
        <translation>Permanent resident card number does not match nationality</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="169"/>
        <source>港澳台居民居住证号码应以 810000、820000 或 830000 开头</source>
        <translation>Residence permit numbers for Hong Kong, Macao and Taiwan residents must start with 810000, 820000 or 830000</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="171"/>
        <source>外国人永久居留身份证号码应以 9 开头</source>
        <translation>Foreign permanent resident ID card numbers must start with 9</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="173"/>
        <source>未知的民族代码：{code}</source>
        <translation>Unknown ethnic group code: {code}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="175"/>
        <source>有效期截止日期早于起始日期</source>
        <translation>Expiry date is earlier than start date</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="177"/>
        <source>有效期起始日期早于出生日期</source>
        <translation>Validity start date is earlier than date of birth</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="184"/>
        <source>身份号码格式不正确：{number}</source>
        <translation>Invalid ID number format: {number}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="187"/>
        <source>身份号码校验位错误：{number}</source>
        <translation>Wrong check digit in ID number: {number}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="190"/>
        <source>身份号码中的出生日期与卡上出生日期不符</source>
        <translation>Date of birth in ID number does not match the card</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/record.py" line="192"/>
        <source>身份号码中的性别与卡上性别不符</source>
        <translation>Sex in ID number does not match the card</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="16"/>
        <source>模拟故障</source>
        <translation>Fault on</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="16"/>
        <source>恢复正常</source>
        <translation>Back to normal</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="17"/>
        <source>平台拒绝已缴费的申请</source>
        <translation>Platform refuses paid applications</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="17"/>
        <source>支付网关退款失败</source>
        <translation>Payment gateway fails refunds</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="58"/>
        <location filename="../../devices/fingerprint/simulator.py" line="106"/>
        <location filename="../../devices/idcard/simulator.py" line="119"/>
        <source>无故障</source>
        <extracomment>Seconds a real reader works on each command before its reply starts (RF exchange, SAM crypto).</extracomment>
        <translation>No fault</translation>
    </message>
    <message>
        <location filename="../../backends/simulate.py" line="58"/>
        <source>故障：{faults}</source>
        <translation>Faults: {faults}</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="120"/>
        <source>找不到卡</source>
        <translation>Card not found</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="108"/>
        <location filename="../../devices/idcard/simulator.py" line="121"/>
        <source>应答前有杂波</source>
        <translation>Noise before response</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="109"/>
        <location filename="../../devices/idcard/simulator.py" line="122"/>
        <source>应答校验和错误</source>
        <translation>Response checksum error</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="123"/>
        <source>应答被截断</source>
        <translation>Response truncated</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="124"/>
        <source>读卡器反应迟缓</source>
        <translation>Slow card reader</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="127"/>
        <source>插入身份证</source>
        <translation>Insert ID card</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="128"/>
        <source>取走身份证</source>
        <translation>Remove ID card</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="129"/>
        <source>读卡器故障</source>
        <translation>Card reader fault</translation>
    </message>
    <message>
        <location filename="../../devices/idcard/simulator.py" line="130"/>
        <source>读卡器复位</source>
        <translation>Reset card reader</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="44"/>
        <source>柜格配置有误：{err}</source>
        <extracomment>Seconds between an unanswered unlock and the status query that settles it (the lock&apos;s pulse).</extracomment>
        <translation>Compartment configuration error: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="61"/>
        <source>锁控板</source>
        <translation>locker control board</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="75"/>
        <source>锁控板均无应答</source>
        <translation>No lock board is responding</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="80"/>
        <source>锁控板 {boards} 无应答</source>
        <translation>Lock boards not responding: {boards}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="203"/>
        <source>锁号超出范围：{err}</source>
        <translation>Lock number out of range: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="235"/>
        <source>锁控板串口未打开</source>
        <translation>Lock board serial port is not open</translation>
    </message>
    <message>
        <location filename="../../devices/locker/driver.py" line="265"/>
        <source>锁控板串口断开：{err}</source>
        <translation>Lock board serial port disconnected: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/errors.py" line="14"/>
        <source>锁控板 {board} 无应答</source>
        <translation>Lock board {board} not responding</translation>
    </message>
    <message>
        <location filename="../../devices/locker/errors.py" line="22"/>
        <source>锁控板 {board} 应答错误：{detail}</source>
        <translation>Lock board {board} response error: {detail}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/errors.py" line="31"/>
        <source>锁控板 {board} 的 {lock} 号锁未能打开</source>
        <translation>Lock {lock} on lock board {board} did not open</translation>
    </message>
    <message>
        <location filename="../../devices/locker/errors.py" line="33"/>
        <location filename="../../hall/lockers/inventory.py" line="355"/>
        <source>{number} 号柜门未能打开</source>
        <translation>Compartment door {number} did not open</translation>
    </message>
    <message>
        <location filename="../../devices/locker/errors.py" line="39"/>
        <location filename="../../hall/lockers/inventory.py" line="105"/>
        <location filename="../../hall/lockers/inventory.py" line="374"/>
        <source>没有 {number} 号柜</source>
        <translation>There is no compartment {number}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="115"/>
        <source>{n} 号柜</source>
        <translation>Compartment {n}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="116"/>
        <source>锁控板 {b}</source>
        <translation>Lock board {b}</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="118"/>
        <source>关上柜门</source>
        <translation>Close compartment door</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="119"/>
        <source>柜门被打开</source>
        <translation>Compartment door opened</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="121"/>
        <source>柜门自动关闭</source>
        <translation>Auto-close compartment door</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="123"/>
        <source>不自动关闭</source>
        <translation>Don&apos;t auto-close</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="123"/>
        <source>3 秒后</source>
        <translation>After 3 seconds</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="123"/>
        <source>10 秒后</source>
        <translation>After 10 seconds</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="123"/>
        <source>30 秒后</source>
        <translation>After 30 seconds</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="125"/>
        <source>锁卡住（切换）</source>
        <translation>Lock stuck (toggle)</translation>
    </message>
    <message>
        <location filename="../../devices/locker/simulator.py" line="126"/>
        <source>锁控板不应答（切换）</source>
        <translation>Lock board not responding (toggle)</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="75"/>
        <source>打印机配置错误：{err}</source>
        <translation>Printer configuration error: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="79"/>
        <source>无法连接打印机：{err}</source>
        <translation>Cannot connect to printer: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="92"/>
        <source>打印机未连接</source>
        <translation>Printer not connected</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="104"/>
        <location filename="../../devices/printer/driver.py" line="116"/>
        <source>打印机连接中断</source>
        <translation>Printer connection lost</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="106"/>
        <source>打印机无响应</source>
        <translation>Printer not responding</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="125"/>
        <source>打印机应答异常：{err}</source>
        <translation>Unexpected printer response: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="180"/>
        <source>打印机停止接收数据</source>
        <translation>Printer stopped accepting data</translation>
    </message>
    <message>
        <location filename="../../devices/printer/driver.py" line="185"/>
        <source>打印机在打印后没有应答</source>
        <translation>The printer did not answer after printing</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="32"/>
        <source>开盖</source>
        <translation>Cover open</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="34"/>
        <source>切刀故障</source>
        <translation>Cutter fault</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="144"/>
        <source>打印机状态</source>
        <extracomment>receipts remembered (paths, text, QR data) and kept on disk: simulate mode runs for days paper fed without a cut before the simulator tears it off (about 2.5 m at 8 dots/mm)</extracomment>
        <translation>Printer status</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="146"/>
        <source>打印机卡死</source>
        <translation>Printer frozen</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="147"/>
        <source>打印中卡死</source>
        <translation>Freezes while printing</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="148"/>
        <source>打印后断开</source>
        <translation>Unplug after printing</translation>
    </message>
    <message>
        <location filename="../../devices/printer/simulator.py" line="149"/>
        <source>打印机恢复</source>
        <translation>Printer recovers</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="136"/>
        <source>打印机故障，需要维修</source>
        <translation>Printer fault, needs repair</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="137"/>
        <source>打印机切刀故障</source>
        <translation>Printer cutter fault</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="138"/>
        <source>打印机故障，需重新开机</source>
        <translation>Printer fault, needs to be restarted</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="139"/>
        <source>打印头过热，稍后自动恢复</source>
        <translation>Print head overheated, will recover automatically shortly</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="140"/>
        <source>打印机故障</source>
        <translation>Printer fault</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="164"/>
        <source>打印机盖未关</source>
        <translation>Printer cover is open</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="166"/>
        <source>打印纸已用完</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../../devices/printer/status.py" line="170"/>
        <source>打印机脱机</source>
        <translation>Printer offline</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="37"/>
        <source>自助拍摄证件照</source>
        <translation>Self-service ID photo</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="69"/>
        <source>请正对摄像头，按屏幕提示调整姿势</source>
        <translation>Please face the camera and adjust your position as shown on screen</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="72"/>
        <source>请摘下帽子和眼镜，正对摄像头，让脸在虚线框内。按语音和屏幕提示调整，倒数三秒后自动拍照；也可以按“拍照”。</source>
        <translation>Take off hat and glasses, face the camera and keep your face inside the dashed outline. Follow the spoken and on-screen advice; the photo is taken after a 3-2-1 countdown, or press &quot;Take photo&quot;.</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="76"/>
        <location filename="../../flows/reissue.py" line="465"/>
        <source>摄像头暂时无法使用</source>
        <translation>The camera is not available</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="88"/>
        <source>这张照片不能使用</source>
        <translation>This photo cannot be used</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="89"/>
        <source>{why}。请按提示重新拍摄</source>
        <translation>{why}. Please retake the photo as instructed.</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="91"/>
        <location filename="../../flows/photo.py" line="108"/>
        <source>重新拍摄</source>
        <translation>Retake</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="102"/>
        <source>照片未通过：{rules}</source>
        <translation>Photo rejected: {rules}</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="115"/>
        <source>请确认您的照片</source>
        <translation>Please check your photo</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="115"/>
        <source>照片需要重拍</source>
        <translation>The photo needs to be retaken</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="109"/>
        <source>使用此照片</source>
        <translation>Use this photo</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="106"/>
        <source>还可以重拍 {n} 次</source>
        <translation>Retakes left: {n}</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="106"/>
        <source>重拍次数已用完</source>
        <translation>No retakes left</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="136"/>
        <source>多次拍摄未能得到合格照片</source>
        <translation>No usable photo after several tries</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="134"/>
        <source>请到服务台由工作人员协助拍照，或稍后再试。服务电话 {phone}</source>
        <translation>Please ask at the service desk for help with the photo, or try again later. Help line {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="86"/>
        <source>{why}。</source>
        <translation>{why}.</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="102"/>
        <source>照片符合证件照标准</source>
        <translation>The photo meets the ID photo standard</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="150"/>
        <source>照片没有保存，没有收取任何费用。请稍后再试；服务电话 {phone}</source>
        <translation>No photo was kept and you have not been charged. Please try again later; help line {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="174"/>
        <source>打印机暂时无法使用，照片无法打印</source>
        <translation>The printer is not available, so the photo cannot be printed</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="181"/>
        <source>正在打印照片</source>
        <translation>Printing your photo</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="181"/>
        <source>正在打印照片，请稍候</source>
        <translation>Printing your photo, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="187"/>
        <source>照片可能已经打出</source>
        <translation>Your photo may have been printed</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="188"/>
        <source>打印机在打印后没有应答，请查看出纸口。离开后照片文件即从本机删除</source>
        <translation>The printer did not answer after printing: please check the paper slot. The photo file is deleted from this kiosk when you leave</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="199"/>
        <source>请取走您的照片</source>
        <translation>Please take your photo</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="200"/>
        <source>照片已打印在凭条上。离开后照片文件即从本机删除</source>
        <translation>Your photo is printed on the slip. The photo file is deleted from this kiosk when you leave</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="201"/>
        <source>照片已打印，请取走</source>
        <translation>Your photo is printed, please take it</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="209"/>
        <source>照片未能打印</source>
        <translation>The photo could not be printed</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="210"/>
        <source>{why}。您可以重试，或稍后再来</source>
        <translation>{why}. You can try again, or come back later</translation>
    </message>
    <message>
        <location filename="../../flows/photo.py" line="212"/>
        <source>重试打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="62"/>
        <location filename="../../kiosk/home.py" line="85"/>
        <source>自助拍照</source>
        <translation>Self-service photo</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="63"/>
        <source>按提示拍摄合格的证件照</source>
        <translation>A compliant ID photo, with guidance</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="210"/>
        <location filename="../../hall/lockers/wall.py" line="111"/>
        <source>该证件已在柜中</source>
        <extracomment>False until reconcile() has seen the door of every compartment a crash may have left open</extracomment>
        <translation>This document is already in a compartment</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="126"/>
        <source>没有空闲的柜格</source>
        <translation>No free compartments</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="132"/>
        <source>柜中没有该证件</source>
        <translation>This document is not in any compartment</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="134"/>
        <source>{number} 号柜故障，请联系工作人员</source>
        <translation>Compartment {number} is faulty. Please contact staff.</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="136"/>
        <source>{number} 号柜已打开</source>
        <translation>Compartment {number} is open</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="148"/>
        <source>{number} 号柜无可清除的物品</source>
        <translation>Compartment {number} has nothing to clear</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="164"/>
        <source>{number} 号柜正在开门</source>
        <translation>Compartment {number} is opening</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="176"/>
        <source>{number} 号柜没有故障</source>
        <translation>Compartment {number} has no fault</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/reconcile.py" line="62"/>
        <source>{number} 号柜门被发现打开</source>
        <translation>Compartment door {number} was found open</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="205"/>
        <source>{number} 号柜当前不能打开</source>
        <translation>Compartment {number} cannot be opened right now</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="197"/>
        <source>开锁失败：{err}</source>
        <translation>Failed to unlock: {err}</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/wall.py" line="202"/>
        <source>{why}；如 {number} 号柜门已打开，请照常取放物品并关好柜门</source>
        <translation>{why}; if the door of compartment {number} is open, take or place the item as usual and close the door</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="298"/>
        <source>{number} 号柜开门过程中断，请工作人员核查</source>
        <translation>Opening compartment {number} was interrupted. Staff, please check.</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/inventory.py" line="312"/>
        <source>{number} 号柜门未关闭</source>
        <translation>Compartment door {number} is not closed</translation>
    </message>
    <message>
        <location filename="../../hall/queue/rules.py" line="36"/>
        <source>今日不办理此业务（办理时间 {hours}）</source>
        <translation>This service is not available today (hours: {hours})</translation>
    </message>
    <message>
        <location filename="../../hall/queue/rules.py" line="44"/>
        <source>今日办理时间已过（办理时间 {hours}）</source>
        <translation>Today&apos;s service hours are over (hours: {hours})</translation>
    </message>
    <message>
        <location filename="../../hall/queue/rules.py" line="48"/>
        <source>{at} 开始取号（办理时间 {hours}）</source>
        <translation>Tickets available from {at} (hours: {hours})</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="488"/>
        <source>本机的身份证号密钥与共享排队库不一致，请从第一台取号机复制密钥文件</source>
        <translation>The ID number key on this kiosk does not match the shared queue database. Please copy the key file from the first ticket kiosk.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="517"/>
        <source>没有这项业务：{code}</source>
        <translation>No such service: {code}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="543"/>
        <location filename="../../hall/queue/store.py" line="649"/>
        <source>今日号源已取完（每日 {limit} 个）</source>
        <translation>No tickets left today ({limit} per day)</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="90"/>
        <source>请先办结、过号、暂缓或转出当前的 {number}</source>
        <translation>First finish, record a no-show, hold or transfer the current {number}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="121"/>
        <source>{counter} 号窗口不办理{name}</source>
        <translation>Counter {counter} does not handle {name}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="182"/>
        <source>窗口已暂停，请先恢复服务</source>
        <translation>The counter is paused: resume service first</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="224"/>
        <source>{number} 已叫 {n} 次，请登记过号或暂缓</source>
        <translation>{number} has been called {n} times: record a no-show or hold it</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="264"/>
        <source>{number} 只叫了 {n} 次，叫满 {limit} 次后才能登记过号</source>
        <translation>{number} was called only {n} times; a no-show can be recorded after {limit} calls</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="311"/>
        <source>{number} 已在{name}排队</source>
        <translation>{number} already waits for {name}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="314"/>
        <location filename="../../hall/queue/store.py" line="568"/>
        <source>此业务暂停取号</source>
        <translation>Tickets for this service are paused</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="316"/>
        <source>{name}现在不办理，不能转过去：{why}</source>
        <translation>{name} is not open now, the ticket cannot be transferred: {why}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="369"/>
        <source>{counter} 号窗口尚未登录</source>
        <translation>Counter {counter} is not logged in</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="383"/>
        <source>{counter} 号窗口当前没有号</source>
        <translation>Counter {counter} has no ticket now</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="385"/>
        <source>{number} 已在办理中</source>
        <translation>{number} is already being served</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="595"/>
        <source>{name}需要实名取号，请刷身份证</source>
        <translation>{name} requires a ticket with your ID card (real-name). Please scan your ID card.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="598"/>
        <location filename="../../hall/queue/store.py" line="825"/>
        <source>身份证号码有误，请核对</source>
        <translation>The ID card number is incorrect. Please check it.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="763"/>
        <location filename="../../hall/queue/store.py" line="895"/>
        <source>此预约已签到</source>
        <translation>This appointment has already been checked in</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="772"/>
        <source>您今天已取过{name}的号：{number}，每人每天限取一个</source>
        <translation>You already have a ticket for {name} today: {number}. Limit one per person per day.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="831"/>
        <source>预约号应为 1 到 32 位字母、数字或短横线</source>
        <translation>An appointment number is 1 to 32 letters, digits or hyphens</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="857"/>
        <source>预约号已存在：{ref}</source>
        <translation>Appointment number already exists: {ref}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="882"/>
        <source>未找到今天的预约：{ref}</source>
        <translation>No appointment found for today: {ref}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="886"/>
        <source>此预约是{name}业务</source>
        <translation>This appointment is for {name}</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="893"/>
        <source>此预约不是本人的预约</source>
        <translation>This appointment is not yours</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="900"/>
        <source>您预约的时间是 {at}，请于 {start} 后签到</source>
        <translation>Your appointment is at {at}. Please check in after {start}.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="907"/>
        <source>已超过预约时间 {at}，请现场取号</source>
        <translation>Your appointment time {at} has passed. Please get a ticket here.</translation>
    </message>
    <message>
        <location filename="../../hall/queue/calling.py" line="115"/>
        <source>没有这个窗口：{counter}</source>
        <translation>No such counter: {counter}</translation>
    </message>
    <message>
        <location filename="../../kiosk/queue_admin.py" line="244"/>
        <source>今天没有这个号：{number}</source>
        <translation>No such ticket today: {number}</translation>
    </message>
    <message>
        <location filename="../../kiosk/queue_admin.py" line="246"/>
        <source>{number} 还没有叫号</source>
        <translation>Ticket {number} has not been called yet</translation>
    </message>
    <message>
        <location filename="../../hall/queue/store.py" line="1033"/>
        <source>排队系统暂时无法使用，请稍后再试或咨询工作人员</source>
        <translation>The queue system is temporarily unavailable. Please try again later or ask staff.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/capture.py" line="24"/>
        <source>请正对摄像头，按语音和屏幕提示调整，倒数结束后自动拍照。</source>
        <translation>Face the camera and follow the spoken and on-screen advice; the photo is taken when the countdown ends.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/capture.py" line="47"/>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../../hall/queue/factory.py" line="49"/>
        <source>身份证号密钥文件无法使用：{why}</source>
        <translation>The ID number key file cannot be used: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="50"/>
        <source>成功</source>
        <extracomment>Image from UpImage: 256 x 288 pixels, 4 bits a pixel, high nibble first. Data bytes per data packet for each ReadSysPara packet-size code.</extracomment>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="51"/>
        <source>指纹仪收到的数据包有误</source>
        <translation>The fingerprint module received a damaged packet</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="52"/>
        <source>传感器上没有手指</source>
        <translation>No finger on the sensor</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="53"/>
        <source>指纹图像采集失败</source>
        <translation>Fingerprint image capture failed</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="54"/>
        <source>指纹图像太乱</source>
        <translation>Fingerprint image too messy</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="55"/>
        <source>指纹特征点太少</source>
        <translation>Too few fingerprint features</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="56"/>
        <source>指纹不匹配</source>
        <translation>Fingerprints do not match</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="57"/>
        <source>没有搜索到指纹</source>
        <translation>Fingerprint not found</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="58"/>
        <source>特征上传失败</source>
        <translation>Feature upload failed</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="59"/>
        <source>图像上传失败</source>
        <translation>Image upload failed</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="60"/>
        <source>指纹仪口令错误</source>
        <translation>Wrong fingerprint module password</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="61"/>
        <source>缓冲区内没有有效图像</source>
        <translation>No valid image in the buffer</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="62"/>
        <source>指纹仪闪存错误</source>
        <translation>Fingerprint module flash error</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="67"/>
        <source>未知确认码 {code}</source>
        <translation>Unknown confirmation code {code}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="152"/>
        <source>数据包长度 {n} 无效</source>
        <translation>Invalid packet length {n}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="161"/>
        <source>数据包校验和错误</source>
        <translation>Packet checksum error</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="178"/>
        <source>图像应为 {n} 字节，实际 {m}</source>
        <translation>The image should be {n} bytes, got {m}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="204"/>
        <source>系统参数应为 16 字节，实际 {n}</source>
        <translation>System parameters should be 16 bytes, got {n}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/codec.py" line="207"/>
        <source>数据包大小代码 {n} 无效</source>
        <translation>Invalid packet size code {n}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="23"/>
        <source>参数错误</source>
        <translation>Bad parameter</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="24"/>
        <source>内存分配失败</source>
        <translation>Memory allocation failed</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="25"/>
        <source>功能未实现</source>
        <translation>Function not implemented</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="26"/>
        <source>设备不存在</source>
        <translation>No device</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="27"/>
        <source>设备未初始化</source>
        <translation>Device not initialised</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="28"/>
        <source>非法错误号</source>
        <translation>Invalid error number</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="29"/>
        <source>指纹图像质量差</source>
        <translation>Poor fingerprint image quality</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="38"/>
        <source>错误码 {rc}</source>
        <extracomment>Seconds between raw-frame reads while waiting for a finger. Mean grey below which a frame holds a finger (the platen reads near white when empty).</extracomment>
        <translation>Error code {rc}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="55"/>
        <source>未配置指纹采集库（devices.fingerprint.library）</source>
        <translation>No fingerprint capture library configured (devices.fingerprint.library)</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="63"/>
        <source>指纹采集库无法加载：{err}</source>
        <translation>The fingerprint capture library cannot be loaded: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="67"/>
        <source>指纹采集仪初始化失败：{err}</source>
        <translation>Fingerprint scanner initialisation failed: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="74"/>
        <source>指纹采集仪未报告图像尺寸：{err}</source>
        <translation>The fingerprint scanner did not report its image size: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="87"/>
        <location filename="../../devices/fingerprint/livescan.py" line="114"/>
        <source>指纹采集仪已断开：{err}</source>
        <translation>Fingerprint scanner disconnected: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="89"/>
        <source>指纹采集仪没有通道 {ch}</source>
        <translation>The fingerprint scanner has no channel {ch}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="108"/>
        <source>无法开始采集：{err}</source>
        <translation>Cannot start capturing: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="116"/>
        <source>采集指纹图像失败：{err}</source>
        <translation>Fingerprint capture failed: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="121"/>
        <location filename="../../devices/fingerprint/uart.py" line="127"/>
        <source>已停止等待手指</source>
        <translation>Stopped waiting for the finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/livescan.py" line="124"/>
        <location filename="../../devices/fingerprint/uart.py" line="130"/>
        <location filename="../../kiosk/maintenance/readers.py" line="99"/>
        <source>{s} 秒内没有放上手指</source>
        <translation>No finger placed within {s} seconds</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="23"/>
        <source>右手拇指</source>
        <translation>Right thumb</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="24"/>
        <source>右手食指</source>
        <translation>Right index finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="25"/>
        <source>右手中指</source>
        <translation>Right middle finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="26"/>
        <source>右手环指</source>
        <translation>Right ring finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="27"/>
        <source>右手小指</source>
        <translation>Right little finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="28"/>
        <source>左手拇指</source>
        <translation>Left thumb</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="29"/>
        <source>左手食指</source>
        <translation>Left index finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="30"/>
        <source>左手中指</source>
        <translation>Left middle finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="31"/>
        <source>左手环指</source>
        <translation>Left ring finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="32"/>
        <source>左手小指</source>
        <translation>Left little finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="109"/>
        <source>{hand}采集失败</source>
        <extracomment>Block side in pixels and the grey-level spread a block needs to count as ridges.</extracomment>
        <translation>{hand}: capture failed</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="109"/>
        <source>右手</source>
        <translation>Right hand</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/model.py" line="109"/>
        <source>左手</source>
        <translation>Left hand</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="104"/>
        <source>清晰</source>
        <extracomment>Seconds the module works on GenImg with a finger on it (exposure and transfer to its buffer). Quality the module&apos;s own feature extraction needs (below it Img2Tz answers &quot;too few features&quot;).</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="104"/>
        <source>干燥模糊</source>
        <translation>Dry, blurred</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="104"/>
        <source>采集中抬起</source>
        <translation>Lifted during capture</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="107"/>
        <source>模块不应答</source>
        <translation>Module not answering</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="110"/>
        <source>超长数据包</source>
        <translation>Oversized packet</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="113"/>
        <source>放上手指</source>
        <translation>Place finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="114"/>
        <source>抬起手指</source>
        <translation>Lift finger</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/simulator.py" line="115"/>
        <source>指纹仪故障</source>
        <translation>Fingerprint scanner fault</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="71"/>
        <source>指纹仪无应答或应答有误：{err}</source>
        <translation>The fingerprint scanner does not answer or answers wrongly: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="83"/>
        <source>指纹仪无应答：{err}</source>
        <translation>The fingerprint scanner does not answer: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="91"/>
        <source>指纹仪口令错误（请检查配置 password）</source>
        <translation>Wrong fingerprint module password (check the password setting)</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="125"/>
        <source>采集指纹图像失败：{why}</source>
        <translation>Fingerprint capture failed: {why}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="168"/>
        <location filename="../../devices/fingerprint/uart.py" line="217"/>
        <source>指纹仪连接中断：{err}</source>
        <translation>Fingerprint scanner link lost: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="172"/>
        <source>指令 {cmd} 的应答类型 {pid:02X} 不对</source>
        <translation>Wrong reply type {pid:02X} to command {cmd}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="189"/>
        <source>数据传输中收到类型 {pid:02X} 的包</source>
        <translation>A packet of type {pid:02X} arrived during a data transfer</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="194"/>
        <source>数据超过 {n} 字节仍未结束</source>
        <translation>Data transfer not finished after {n} bytes</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="213"/>
        <source>指纹仪应答损坏（指令 {cmd}）：{err}</source>
        <translation>Damaged fingerprint scanner reply (command {cmd}): {err}</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="215"/>
        <source>指纹仪无应答（指令 {cmd}）</source>
        <translation>No answer from the fingerprint scanner (command {cmd})</translation>
    </message>
    <message>
        <location filename="../../devices/fingerprint/uart.py" line="221"/>
        <source>指纹仪未连接</source>
        <translation>Fingerprint scanner not connected</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/codec.py" line="39"/>
        <source>扫码器发送的不是文本（{n} 字节）</source>
        <extracomment>Characters below 0x20 that barcodes legitimately carry: GS (the GS1 group separator, FNC1) and RS / EOT of ISO 15434 envelopes.</extracomment>
        <translation>The scanner sent something that is not text ({n} bytes)</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/codec.py" line="44"/>
        <source>扫码器发送的数据含有控制字符（{n} 个）</source>
        <translation>The scanner sent data with control characters ({n})</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/codec.py" line="73"/>
        <location filename="../../devices/scanner/keymap.py" line="73"/>
        <source>扫码内容超过 {n} 个字符，已丢弃</source>
        <extracomment>key code -&gt; (plain, shifted) the reverse, for tests and the uinput check: character -&gt; (key code, shifted)</extracomment>
        <translation>Scanned content longer than {n} characters, discarded</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="44"/>
        <source>扫码器命令配置有误：{err}</source>
        <extracomment>Seconds of silence after the setup command that end its answer.</extracomment>
        <translation>Scanner command setting is wrong: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="95"/>
        <location filename="../../devices/scanner/driver.py" line="109"/>
        <location filename="../../devices/scanner/driver.py" line="123"/>
        <source>扫码器连接中断：{err}</source>
        <translation>Scanner link lost: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="127"/>
        <source>扫码器未连接</source>
        <translation>Scanner not connected</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="146"/>
        <source>未配置扫码器输入设备（devices.scanner.input_device）</source>
        <translation>No scanner input device configured (devices.scanner.input_device)</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="150"/>
        <source>无法打开扫码器输入设备 {dev}：{err}</source>
        <translation>Cannot open the scanner input device {dev}: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="155"/>
        <source>扫码器输入设备被占用：{err}</source>
        <translation>The scanner input device is in use: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/driver.py" line="183"/>
        <source>扫码器已断开：{err}</source>
        <translation>Scanner disconnected: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/simulator.py" line="60"/>
        <source>扫码</source>
        <extracomment>Codes offered on the panel (any text can be typed instead): WeChat and Alipay payment codes of the documented shapes, a pickup code, a URL.</extracomment>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/simulator.py" line="61"/>
        <source>发送乱码</source>
        <translation>Send garbage</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/simulator.py" line="62"/>
        <source>发送超长内容</source>
        <translation>Send an overlong line</translation>
    </message>
    <message>
        <location filename="../../backends/http.py" line="79"/>
        <location filename="../../backends/http.py" line="109"/>
        <location filename="../../backends/http.py" line="112"/>
        <source>服务返回了无法识别的应答</source>
        <translation>The service gave an answer we cannot read</translation>
    </message>
    <message>
        <location filename="../../backends/http.py" line="99"/>
        <source>服务暂时无法连接</source>
        <translation>The service cannot be reached at the moment</translation>
    </message>
    <message>
        <location filename="../../backends/http.py" line="101"/>
        <location filename="../../backends/http.py" line="103"/>
        <source>服务响应超时</source>
        <translation>The service did not answer in time</translation>
    </message>
    <message>
        <location filename="../../backends/http.py" line="105"/>
        <source>服务出错</source>
        <translation>The service reported an error</translation>
    </message>
    <message>
        <location filename="../../backends/http.py" line="114"/>
        <source>服务拒绝：{why}</source>
        <translation>The service refused: {why}</translation>
    </message>
    <message>
        <location filename="../../hall/saga.py" line="161"/>
        <location filename="../../hall/saga.py" line="217"/>
        <source>日志中没有这笔业务</source>
        <translation>This transaction is not in the journal</translation>
    </message>
    <message>
        <location filename="../../hall/saga.py" line="241"/>
        <source>支付结果尚未确定</source>
        <translation>The payment result is not yet known</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="47"/>
        <source>到期换领</source>
        <translation>Renewal at expiry</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="48"/>
        <source>损坏换领</source>
        <translation>Renewal of a damaged card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="49"/>
        <source>丢失补领</source>
        <translation>Reissue after loss</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="53"/>
        <source>您已有一份正在办理的身份证申请，不能重复申请。新证制作好后会通知您领取</source>
        <translation>You already have an ID card application in progress and cannot apply again. You will be told when the new card is ready</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="54"/>
        <source>未满十六周岁的申请人，请由监护人陪同到窗口办理</source>
        <translation>Applicants under 16 must come to a counter with a guardian</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="55"/>
        <source>户籍信息显示已注销，请到户籍窗口咨询</source>
        <translation>Your household registration shows as cancelled. Please ask at the household registration counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="154"/>
        <location filename="../../flows/reissue.py" line="56"/>
        <source>户籍中没有您的登记照片，无法进行人像比对，请到窗口办理</source>
        <translation>There is no registered photo of you to compare your face with. Please apply at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="57"/>
        <source>港澳台居民居住证请到出入境窗口办理</source>
        <translation>Residence permits for Hong Kong, Macao and Taiwan residents are handled at the exit-entry counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="58"/>
        <source>您的户籍不在本省，自助机暂不能受理，请到窗口办理异地换补领</source>
        <translation>Your household is registered in another province, which this machine cannot handle. Please apply at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="59"/>
        <source>没有查到这个身份证号码的户籍信息，请核对号码，或到窗口办理</source>
        <translation>No registration was found for this ID number. Please check the number, or apply at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="35"/>
        <source>身份证业务系统暂时无法连接，请到窗口办理</source>
        <translation>The ID card system cannot be reached now. Please apply at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="78"/>
        <source>有效期 5 年</source>
        <translation>valid 5 years</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="80"/>
        <source>有效期 10 年</source>
        <translation>valid 10 years</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="82"/>
        <source>有效期 20 年</source>
        <translation>valid 20 years</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="83"/>
        <source>长期有效</source>
        <translation>valid for life</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="108"/>
        <source>请到窗口办理</source>
        <translation>Please go to a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="110"/>
        <source>{why}。请带身份证明到服务窗口办理；没办成事可在首页“办不成事”反映。服务电话 {phone}</source>
        <translation>{why}. Please bring proof of identity to a service counter; if you could not get it done, tell us under &quot;Could not get it done&quot; on the home screen. Help line {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="125"/>
        <source>自助机暂时不能办理此业务</source>
        <translation>This machine cannot handle this service now</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="125"/>
        <location filename="../../flows/reissue_slip.py" line="215"/>
        <source>请到窗口办理，或稍后再试</source>
        <translation>Please go to a counter, or try again later</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="136"/>
        <location filename="../../flows/reissue.py" line="138"/>
        <location filename="../../flows/reissue.py" line="175"/>
        <source>自助机暂时不能为您办理</source>
        <translation>This machine cannot handle your application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="146"/>
        <source>拍摄身份证照片</source>
        <translation>Photo for your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="172"/>
        <location filename="../../flows/reissue.py" line="182"/>
        <source>正在提交申请资料</source>
        <translation>Sending your application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="172"/>
        <source>正在提交申请资料，请稍候</source>
        <translation>Sending your application, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="182"/>
        <source>正在上传照片和指纹，请稍候</source>
        <translation>Sending your photo and fingerprints, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="379"/>
        <location filename="../../flows/reissue.py" line="190"/>
        <source>申请已取消</source>
        <translation>Application cancelled</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="304"/>
        <location filename="../../flows/reissue.py" line="190"/>
        <source>没有收取任何费用。</source>
        <translation>Nothing was charged.</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="203"/>
        <source>正在提交申请</source>
        <translation>Submitting your application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="203"/>
        <source>正在提交申请，请稍候</source>
        <translation>Submitting your application, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="212"/>
        <source>费用已收到，申请将自动提交</source>
        <translation>Fee received; the application will be submitted automatically</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="214"/>
        <source>受理号 {acc}。系统暂未应答，本机会自动提交；不能完成时费用原路退回</source>
        <translation>Acceptance number {acc}. The system has not answered yet; this machine will submit it, and refund the fee if it cannot</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="220"/>
        <location filename="../../hall/saga.py" line="276"/>
        <source>申请无法完成</source>
        <translation>The application cannot be completed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="230"/>
        <source>申请未能提交，费用将原路退回</source>
        <translation>The application could not be submitted; the fee will be refunded</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="411"/>
        <location filename="../../flows/reissue.py" line="295"/>
        <source>业务系统暂时无法连接</source>
        <translation>The system cannot be reached now</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="295"/>
        <source>{why}。没有收取任何费用，请稍后再试或到窗口办理</source>
        <translation>{why}. Nothing was charged. Please try again later or go to a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="305"/>
        <source>换领请刷旧身份证；证件丢失请选择补领</source>
        <translation>To renew, read your old card; if it was lost, choose reissue</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="309"/>
        <source>换领：刷旧身份证</source>
        <translation>Renew: read the old card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="310"/>
        <source>证件到期或损坏</source>
        <translation>Card expiring or damaged</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="312"/>
        <source>读卡器暂不可用，请选择输入号码</source>
        <translation>The card reader is not available; please type your number</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="314"/>
        <source>补领：输入身份证号码</source>
        <translation>Reissue: type the ID number</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="314"/>
        <source>证件丢失</source>
        <translation>Card lost</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="317"/>
        <source>补打受理回执</source>
        <translation>Reprint the acceptance slip</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="318"/>
        <source>已经申请，回执丢了或没打出来：刷身份证补打</source>
        <translation>Already applied, slip lost or not printed: read your ID card to reprint it</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="320"/>
        <source>读卡器暂不可用，请到窗口补打</source>
        <translation>The card reader is unavailable; please get a reprint at a counter</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="145"/>
        <location filename="../../flows/certificate.py" line="162"/>
        <location filename="../../flows/pickup.py" line="301"/>
        <location filename="../../flows/pickup.py" line="319"/>
        <location filename="../../flows/reissue.py" line="272"/>
        <location filename="../../flows/reissue.py" line="339"/>
        <location filename="../../flows/reissue_slip.py" line="181"/>
        <location filename="../../flows/reissue_slip.py" line="211"/>
        <source>正在查询</source>
        <translation>Looking up</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="339"/>
        <source>正在查询户籍信息，请稍候</source>
        <translation>Looking up your registration, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/certificate.py" line="148"/>
        <location filename="../../flows/reissue.py" line="343"/>
        <source>没有查到您的信息</source>
        <translation>Your details were not found</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="348"/>
        <source>请确认是您本人</source>
        <translation>Please confirm this is you</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="349"/>
        <source>姓名：{name}
公民身份号码：{id}</source>
        <translation>Name: {name}
ID number: {id}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="350"/>
        <source>请确认姓名是否正确</source>
        <translation>Please confirm the name is right</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="351"/>
        <source>不是，重新输入</source>
        <translation>No, type again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="351"/>
        <source>是我本人</source>
        <translation>Yes, this is me</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="379"/>
        <source>这张证件无法读取：{why}。损坏的证件请到窗口办理，或选择补领输入号码</source>
        <translation>This card cannot be read: {why}. For a damaged card please go to a counter, or choose reissue and type the number</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="61"/>
        <source>请刷旧身份证</source>
        <translation>Please read your old ID card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="63"/>
        <source>您输入的信息将被清除，需要从头办理。</source>
        <translation>The details you entered will be cleared and you will need to start again.</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="64"/>
        <source>已拍的照片将被删除，需要从头办理。</source>
        <translation>The photo taken will be deleted and you will need to start again.</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="65"/>
        <source>已拍的照片和指纹将被删除，需要从头办理。</source>
        <translation>The photo and fingerprints taken will be deleted and you will need to start again.</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="223"/>
        <source>{why}。
受理号 {acc}，订单号 {order}。已缴费用将原路退回到您付款的账户。有疑问请拨打服务电话 {phone}，或在首页“办不成事”反映</source>
        <translation>{why}.
Acceptance number {acc}, order {order}. The fee you paid will be refunded to the account you paid from. For questions call {phone}, or use &quot;Could not get it done?&quot; on the home screen</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="240"/>
        <location filename="../../kiosk/ui/overlays.py" line="121"/>
        <source>要放弃本次申请吗？</source>
        <translation>Give up this application?</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="242"/>
        <location filename="../../kiosk/ui/shell.py" line="449"/>
        <source>要放弃本次申请吗？{lost}</source>
        <translation>Give up this application? {lost}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="244"/>
        <location filename="../../kiosk/ui/overlays.py" line="123"/>
        <source>放弃</source>
        <translation>Give up</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="280"/>
        <source>您刚才的申请正在确认缴费结果，请勿重复申请或再次付款。确认后本机会自动完成申请，或原路退款（约 {minutes} 分钟）；之后可刷身份证补打回执。有疑问请拨打服务电话 {phone}</source>
        <translation>The payment for your application a moment ago is still being confirmed. Please do not apply or pay again. Once it is confirmed, this kiosk completes the application or refunds the payment to your account (within about {minutes} minutes); you can then read your ID card to reprint the slip. Questions: call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="394"/>
        <source>如身份证已放在读卡区，请先取回。证件丢失可选择补领输入号码，或稍后再试；有疑问请拨打服务电话 {phone}</source>
        <translation>If your ID card is on the reader, please take it back first. If your card is lost, you can choose to replace it by typing its number, or try again later. Questions: call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="398"/>
        <source>读卡器暂时无法使用，请取回身份证</source>
        <translation>The card reader is not available. Please take back your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="400"/>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="408"/>
        <source>请输入您的身份证号码</source>
        <extracomment>the large keypad for the ID number, its check character checked as it is typed</extracomment>
        <translation>Please type your ID number</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="409"/>
        <source>请输入十八位身份证号码</source>
        <translation>Please type the 18-character ID number</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="410"/>
        <source>公民身份号码（18 位，最后一位可能是 X）</source>
        <translation>ID number (18 characters; the last may be X)</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="416"/>
        <source>号码有误（校验位或出生日期不对），请核对后重新输入</source>
        <translation>This number is wrong (check character or birth date). Please check it and type it again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="445"/>
        <source>免收工本费，{until}</source>
        <translation>No fee, {until}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="447"/>
        <source>工本费 {fee} 元，{until}</source>
        <translation>Fee {fee} yuan, {until}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="451"/>
        <source>请选择办理类型</source>
        <translation>Please choose what you apply for</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="451"/>
        <source>请选择办理类型，下方写有费用</source>
        <translation>Please choose what you apply for; the fee is shown below each</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="465"/>
        <source>没有收取任何费用，请稍后再试或到窗口办理</source>
        <translation>Nothing was charged. Please try again later or go to a counter</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="488"/>
        <location filename="../../flows/reissue.py" line="497"/>
        <source>人像比对</source>
        <translation>Face check</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="488"/>
        <source>请看着摄像头，轻轻眨眨眼</source>
        <translation>Please look at the camera and blink</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="497"/>
        <source>正在比对，请稍候</source>
        <translation>Comparing, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="509"/>
        <source>人像比对未通过</source>
        <translation>Face check not passed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="510"/>
        <source>请摘下帽子和眼镜，正对摄像头，保持光线充足，再试一次</source>
        <translation>Take off hat and glasses, face the camera in good light, and try again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="618"/>
        <source>如已扣款，本机会在约 {minutes} 分钟内自动完成申请或原路退款，请勿重复支付或重新申请。受理号 {acc}。有疑问请拨打服务电话 {phone}</source>
        <translation>If you were charged, this kiosk completes the application or refunds the payment to your account within about {minutes} minutes. Please do not pay or apply again. Acceptance number {acc}. Questions: call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="112"/>
        <source>取件柜暂不可用，请到窗口领取</source>
        <translation>The pickup locker is unavailable. Please collect at the counter</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="96"/>
        <source>{why}。服务电话 {phone}</source>
        <translation>{why}. Help line {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="130"/>
        <source>输入受理号</source>
        <translation>Type the acceptance number</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="133"/>
        <source>对准摄像头扫码</source>
        <translation>Show it to the camera</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="135"/>
        <source>请扫描回执上的二维码</source>
        <translation>Please scan the QR code on your slip</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="136"/>
        <location filename="../../flows/pickup.py" line="139"/>
        <source>请将受理回执上的二维码对准扫码口</source>
        <translation>Hold the QR code on your application slip to the scanner</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="138"/>
        <source>扫码器暂不可用。可将回执二维码对准摄像头，或刷身份证、输入受理号</source>
        <translation>The scanner is unavailable. Show the slip&apos;s QR code to the camera, read your ID card, or type the acceptance number</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="144"/>
        <source>受理回执上印有二维码。也可以刷身份证，或输入回执上的受理号，再进行人像比对后领取。</source>
        <translation>Your application slip has a QR code. You can also read your ID card or type the acceptance number on the slip; a face check follows.</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="151"/>
        <location filename="../../flows/pickup.py" line="237"/>
        <location filename="../../flows/pickup.py" line="245"/>
        <source>这不是取证回执的二维码</source>
        <translation>This is not a pickup slip&apos;s QR code</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="152"/>
        <source>未能读出这个二维码。请扫描受理回执上的二维码，也可以刷身份证或输入受理号</source>
        <translation>This QR code could not be read. Please scan the QR code on your acceptance slip, or swipe your ID card or enter the acceptance number</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="174"/>
        <source>请输入受理号</source>
        <translation>Please type the acceptance number</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="175"/>
        <source>请输入回执上的受理号</source>
        <translation>Type the acceptance number on your slip</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="176"/>
        <source>受理号（SL 后的 13 位数字）</source>
        <translation>Acceptance number (the 13 digits after SL)</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="196"/>
        <source>请将二维码对准摄像头</source>
        <translation>Show the QR code to the camera</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="196"/>
        <source>请将回执二维码对准摄像头，保持不动</source>
        <translation>Hold the slip&apos;s QR code still in front of the camera</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="202"/>
        <source>没有识别到二维码</source>
        <translation>No QR code recognised</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="203"/>
        <source>请将回执平整地对准摄像头再试，或输入受理号</source>
        <translation>Hold the slip flat to the camera and try again, or type the acceptance number</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="202"/>
        <location filename="../../flows/pickup.py" line="80"/>
        <location filename="../../flows/pickup.py" line="205"/>
        <location filename="../../flows/reissue.py" line="512"/>
        <source>再试一次</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="80"/>
        <location filename="../../flows/queue.py" line="234"/>
        <source>重新输入</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="238"/>
        <source>扫到的二维码内容过长，请扫描受理回执上的二维码</source>
        <translation>The scanned code is far too long. Please scan the QR code on your application slip</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="246"/>
        <source>请扫描身份证受理回执上的二维码（不是付款码或其他二维码）</source>
        <translation>Please scan the QR code on your ID card application slip (not a payment code or another QR code)</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="252"/>
        <source>这张回执不是本大厅开具的</source>
        <translation>This slip is from another hall</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="253"/>
        <source>回执由 {kiosk} 号自助机开具，请到开具回执的大厅领取</source>
        <translation>The slip was issued by kiosk {kiosk}. Please collect at the hall that issued it</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="260"/>
        <location filename="../../flows/pickup.py" line="273"/>
        <source>回执二维码无法验证</source>
        <translation>The slip&apos;s QR code cannot be verified</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="260"/>
        <source>这张回执不是本大厅开具的有效回执，请带身份证到窗口核实</source>
        <translation>This is not a valid slip of this hall. Please bring your ID to the counter to check</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="267"/>
        <source>回执已过期</source>
        <translation>The slip has expired</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="269"/>
        <source>回执于 {day} 开具，已超过 {days} 天有效期，请带身份证到窗口领取</source>
        <translation>The slip was issued on {day}, more than {days} days ago. Please collect at the counter with your ID</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="273"/>
        <source>回执日期不对，请带身份证到窗口核实</source>
        <translation>The slip&apos;s date is wrong. Please bring your ID to the counter to check</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="307"/>
        <source>没有查到可领取的证件</source>
        <translation>No card to collect was found</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="307"/>
        <source>没有找到您的身份证申请</source>
        <translation>No ID card application of yours was found</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="319"/>
        <source>正在查询证件制作进度，请稍候</source>
        <translation>Checking your card&apos;s progress, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="323"/>
        <source>没有找到这份申请</source>
        <translation>Application not found</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="324"/>
        <source>受理号 {acc} 没有对应的申请，请核对回执</source>
        <translation>No application has the acceptance number {acc}. Please check your slip</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="339"/>
        <source>证件 {acc} 登记在本机取件柜，但柜中没有记录</source>
        <translation>Card {acc} is registered in this kiosk&apos;s locker, but the locker has no record of it</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="341"/>
        <location filename="../../flows/pickup.py" line="354"/>
        <location filename="../../flows/pickup.py" line="458"/>
        <source>暂时无法取出证件</source>
        <translation>The card cannot be collected right now</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="341"/>
        <source>柜中记录与系统不一致，已通知工作人员核查</source>
        <translation>The locker&apos;s record and the system disagree; staff have been told to check</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="343"/>
        <source>证件尚未放入取件柜</source>
        <translation>The card is not in the locker yet</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="344"/>
        <source>本机取件柜中还没有这张证件。新证制作完成放入后会通知您，请届时再来</source>
        <translation>This card is not in this kiosk&apos;s locker yet. You will be told when the new card is ready; please come back then</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="351"/>
        <source>{n} 号柜故障，有市民在等证件 {acc}</source>
        <translation>Compartment {n} is faulty and a citizen is waiting for card {acc}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="354"/>
        <source>{n} 号柜暂时故障，已通知工作人员</source>
        <translation>Compartment {n} is out of order; staff have been told</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="356"/>
        <source>柜门正在打开</source>
        <translation>The door is being opened</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="356"/>
        <source>{n} 号柜门已经打开，请取出证件后关好柜门</source>
        <translation>Door {n} is already open. Take your card and shut the door</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="379"/>
        <source>这份申请已经取消，没有可领取的证件</source>
        <translation>This application was cancelled; there is no card to collect</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="382"/>
        <source>新证还在制作中</source>
        <translation>Your new card is still being made</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="383"/>
        <source>受理号 {acc} 的新证尚未制作完成，完成后会通知您领取</source>
        <translation>The new card for acceptance number {acc} is not ready yet. You will be told when it can be collected</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="387"/>
        <source>请到窗口领取</source>
        <translation>Please collect at the counter</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="387"/>
        <source>您的新证已转到服务窗口，请带回执到窗口领取</source>
        <translation>Your new card has been moved to the service counter. Please collect it there with your slip</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="390"/>
        <source>证件不在本机</source>
        <translation>The card is not at this kiosk</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="391"/>
        <source>您的新证放在 {kiosk} 号自助机的取件柜中，请到那台机器扫码领取</source>
        <translation>Your new card is in the locker of kiosk {kiosk}. Please scan your slip there</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="400"/>
        <source>证件已领取</source>
        <translation>Already collected</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="402"/>
        <source>这张回执的证件已于 {at} 领取，回执不能重复使用。如果不是您本人领取的，请拨打服务电话 {phone}</source>
        <translation>The card for this slip was collected at {at}; a slip works only once. If it was not you, please call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="412"/>
        <source>刷身份证或输入受理号领取需要联网核验。请扫描回执上的二维码领取，或稍后再试</source>
        <translation>Collecting with an ID card or a typed number needs the online check. Please scan the QR code on your slip, or try again later</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="428"/>
        <source>没有领取</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="428"/>
        <source>人像比对没有完成，证件仍在柜中</source>
        <translation>The face check was not completed; the card stays in the locker</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="430"/>
        <location filename="../../flows/reissue.py" line="468"/>
        <source>人像比对没有通过</source>
        <translation>The face check did not pass</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="430"/>
        <source>请本人带回执和身份证明到窗口领取</source>
        <translation>Please collect in person at the counter with your slip and proof of identity</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="435"/>
        <source>暂时无法核验身份</source>
        <translation>Your identity cannot be checked right now</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="436"/>
        <source>刷身份证或输入受理号领取需要人像比对。请扫描回执上的二维码领取，或稍后再试</source>
        <translation>Collecting with an ID card or a typed number needs a face check. Please scan the QR code on your slip, or try again later</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="444"/>
        <source>正在打开柜门</source>
        <translation>Opening the door</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="444"/>
        <source>正在打开柜门，请稍候</source>
        <translation>Opening the door, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="454"/>
        <source>取件柜暂时无法打开</source>
        <translation>The locker cannot open right now</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="454"/>
        <source>{why}，没有打开任何柜门</source>
        <translation>{why}; no door was opened</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="462"/>
        <source>请到 {n} 号柜门取证件</source>
        <translation>Please take your card from door {n}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="463"/>
        <source>{n} 号柜门已打开，请取出证件，然后关好柜门</source>
        <translation>Door {n} is open. Take your card, then shut the door</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="464"/>
        <source>柜门在下图亮起的位置。取出证件后请随手关门</source>
        <translation>The door is the one lit on the map below. Please shut it after taking your card</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="479"/>
        <source>请关好 {n} 号柜门</source>
        <translation>Please shut door {n}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="480"/>
        <source>取出证件后请关好柜门。柜门一直开着会通知工作人员</source>
        <translation>Please shut the door after taking your card. Staff are told about a door left open</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="493"/>
        <source>领取成功</source>
        <translation>Card collected</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="495"/>
        <source>请当场核对证件上的信息。有问题请到窗口咨询，或拨打服务电话 {phone}</source>
        <translation>Please check the details on the card now. If anything is wrong, ask at a counter or call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="511"/>
        <source>很抱歉，{n} 号柜门没有打开</source>
        <translation>Sorry, door {n} did not open</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="513"/>
        <source>已通知工作人员维修。您的证件仍安全地放在柜中，回执依然有效：柜门修好后可再来扫码领取，或在工作时间带回执到服务窗口领取</source>
        <translation>Staff have been told to repair it. Your card is safe in the locker and your slip is still valid: scan it again once the door is repaired, or collect the card at the service counter during opening hours</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="104"/>
        <source>扫描受理回执二维码，领取新身份证</source>
        <translation>Scan your slip&apos;s QR code to collect your new ID card</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="108"/>
        <source>扫码器暂不可用，可对准摄像头扫码或输入受理号</source>
        <translation>Scanner unavailable: show the code to the camera or type the number</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="109"/>
        <source>摄像头暂不可用，凭回执二维码领取</source>
        <translation>Camera unavailable: collect with the slip&apos;s QR code</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="110"/>
        <source>读卡器暂不可用，可扫码或输入受理号</source>
        <translation>Card reader unavailable: scan the slip or type the number</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="209"/>
        <location filename="../../flows/fingerprints.py" line="214"/>
        <source>指纹仪暂时无法使用</source>
        <translation>The fingerprint scanner is not available now</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="80"/>
        <source>部分指纹未能采集</source>
        <extracomment>devices.fingerprint.policy PLACED and DONE (named here: the policy module loads numpy) the &quot;finger given up, next one&quot; screen before the next finger&apos;s capture: long enough to hear it</extracomment>
        <translation>Some fingerprints could not be taken</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="81"/>
        <source>已记录为“指纹采集失败”，不影响办理。{summary}</source>
        <translation>Recorded as &quot;capture failed&quot;; your application goes on. {summary}</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="82"/>
        <source>部分指纹未能采集，已记录，不影响办理</source>
        <translation>Some fingerprints could not be captured. This is recorded and does not stop your application</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="84"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="97"/>
        <source>已跳过{finger}。</source>
        <translation>{finger} skipped.</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="98"/>
        <source>{finger}多次不够清晰，已跳过。</source>
        <translation>{finger} was not clear enough after several tries: skipped.</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="123"/>
        <source>下一个：请将{finger}放在指纹仪上</source>
        <translation>Next: {finger}, place it on the fingerprint scanner</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="126"/>
        <source>{moved}请先抬起手指，再放{finger}。</source>
        <translation>{moved} Lift your finger first, then place this one: {finger}.</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="127"/>
        <source>{moved}{next}</source>
        <translation>{moved} {next}</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="130"/>
        <source>好的，开始</source>
        <translation>OK, start</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="143"/>
        <source>请将{finger}放在指纹仪上</source>
        <translation>{finger}: place it on the fingerprint scanner</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="144"/>
        <source>手指平放在指纹仪中央，按住不动，听到提示后抬起</source>
        <translation>Lay the finger flat in the middle of the scanner, hold it still, and lift it when you hear the signal</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="150"/>
        <source>{note}{title}</source>
        <translation>{note} {title}</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="154"/>
        <source>这个手指按不上，换一个</source>
        <translation>I cannot use this finger, try another</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="196"/>
        <source>准备好后请按“再试一次”，再把{finger}平放在指纹仪上。手指按不上可以换一个。</source>
        <translation>When you are ready, press &quot;Try again&quot;, then lay the finger flat on the fingerprint reader ({finger}). If it cannot be read, use another finger.</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="202"/>
        <source>换一个手指</source>
        <translation>Other finger</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="130"/>
        <location filename="../../flows/fingerprints.py" line="154"/>
        <source>取消办理</source>
        <translation>Cancel the application</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="106"/>
        <source>指纹不够清晰，请擦干手指，平放并稍用力按住</source>
        <translation>The print is not clear enough. Dry your finger, lay it flat and press a little harder</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="156"/>
        <source>按屏幕上写的手指，平放在指纹仪玻璃中央，按住约一秒。手指太干可以先哈一口气。</source>
        <translation>Place the finger named on the screen flat on the middle of the scanner glass and hold it for about a second. If your finger is dry, breathe on it first.</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="166"/>
        <source>正在采集，请保持手指不动</source>
        <translation>Capturing, please keep your finger still</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="167"/>
        <source>{finger}已放好，图像传送需要几秒钟</source>
        <translation>{finger} on the scanner: the image takes a few seconds to come through</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="179"/>
        <source>正在读取指纹</source>
        <translation>Reading the fingerprint</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="193"/>
        <source>没有检测到{finger}</source>
        <translation>{finger} not detected</translation>
    </message>
    <message>
        <location filename="../../flows/fingerprints.py" line="211"/>
        <source>没有收取任何费用，请稍后再试或到窗口办理。服务电话 {phone}</source>
        <translation>Nothing has been charged. Please try again later or go to a counter. Service phone {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="540"/>
        <source>免收工本费</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="540"/>
        <source>{fee} 元</source>
        <translation>{fee} yuan</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="542"/>
        <source>请核对申请信息</source>
        <translation>Please check your application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="544"/>
        <source>姓名：{name}
公民身份号码：{id}
办理类型：{kind}（{until}）
指纹：{prints}
受理号：{acc}
应缴费用：{fee}</source>
        <translation>Name: {name}
ID number: {id}
Application: {kind} ({until})
Fingerprints: {prints}
Acceptance number: {acc}
Fee: {fee}</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="553"/>
        <source>请核对申请信息，确认后缴费</source>
        <translation>Please check your application, then pay</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="555"/>
        <location filename="../../flows/reissue.py" line="631"/>
        <source>取消申请</source>
        <translation>Cancel application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="555"/>
        <source>确认，去缴费</source>
        <translation>Confirm and pay</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="555"/>
        <source>确认提交</source>
        <translation>Confirm and submit</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="578"/>
        <source>出示付款码</source>
        <translation>Show your payment code</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="579"/>
        <source>打开微信或支付宝付款码，由本机扫码</source>
        <translation>Open the WeChat or Alipay payment code for this machine to scan</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="581"/>
        <source>扫码器暂不可用，请用手机扫码支付</source>
        <translation>The code scanner is not available; please scan the QR code with your phone</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="585"/>
        <source>手机扫码支付</source>
        <translation>Scan a QR code with your phone</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="585"/>
        <source>用微信或支付宝扫描屏幕上的二维码</source>
        <translation>Scan the QR code on the screen with WeChat or Alipay</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="591"/>
        <source>请选择缴费方式（{fee} 元）</source>
        <translation>Choose how to pay ({fee} yuan)</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="592"/>
        <source>需缴费 {fee} 元，请选择缴费方式</source>
        <translation>The fee is {fee} yuan. Please choose how to pay</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="594"/>
        <source>两种方式都可以：出示手机付款码给本机扫，或用手机扫屏幕上的二维码。</source>
        <translation>Either way works: show your phone payment code to the scanner, or scan the QR code on the screen with your phone.</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="616"/>
        <source>支付结果暂时无法确认</source>
        <translation>The payment result cannot be confirmed yet</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="628"/>
        <source>支付没有完成</source>
        <translation>Payment not completed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="629"/>
        <source>没有扣款（{why}）。您可以重新支付，或取消申请</source>
        <translation>Nothing was charged ({why}). You can pay again or cancel the application</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="629"/>
        <source>订单已关闭</source>
        <translation>order closed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="631"/>
        <source>重新支付</source>
        <translation>Pay again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="641"/>
        <source>缴纳工本费</source>
        <translation>Pay the fee</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="642"/>
        <source>请按屏幕提示付款</source>
        <translation>Please pay as the screen shows</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="643"/>
        <source>取消缴费</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="651"/>
        <source>请出示付款码</source>
        <translation>Please show your payment code</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="651"/>
        <source>请打开手机付款码，对准扫码口</source>
        <translation>Open the payment code on your phone and hold it to the scanner</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="664"/>
        <source>这不是付款码，请打开微信或支付宝的付款码再扫</source>
        <translation>That is not a payment code; please open the WeChat or Alipay payment code and scan again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="665"/>
        <source>正在扣款</source>
        <translation>Charging</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="665"/>
        <source>正在扣款，请稍候</source>
        <translation>Charging, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="676"/>
        <location filename="../../flows/reissue.py" line="703"/>
        <source>请在手机上确认付款</source>
        <translation>Please confirm the payment on your phone</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="677"/>
        <source>请在手机上输入密码确认付款</source>
        <translation>Enter your password on your phone to confirm the payment</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="678"/>
        <source>等待您在手机上确认</source>
        <translation>Waiting for your confirmation on the phone</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="695"/>
        <source>正在生成付款二维码</source>
        <translation>Making the payment QR code</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="695"/>
        <source>正在生成付款二维码，请稍候</source>
        <translation>Making the payment QR code, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="708"/>
        <source>请用手机扫码付款</source>
        <translation>Scan to pay with your phone</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="709"/>
        <source>请用微信或支付宝扫描二维码付款</source>
        <translation>Scan the QR code with WeChat or Alipay to pay</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="727"/>
        <source>支付系统暂时没有应答，正在重试。如您已付款，请勿重复付款</source>
        <translation>The payment system is not answering; we keep trying. If you have paid, please do not pay again</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="735"/>
        <location filename="../../flows/reissue_slip.py" line="107"/>
        <source>正在打印受理回执</source>
        <translation>Printing your receipt</translation>
    </message>
    <message>
        <location filename="../../flows/reissue.py" line="735"/>
        <location filename="../../flows/reissue_slip.py" line="107"/>
        <source>正在打印受理回执，请稍候</source>
        <translation>Printing your receipt, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="117"/>
        <source>已缴费 {fee} 元（订单号 {order}）</source>
        <translation>Paid {fee} yuan (order {order})</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="120"/>
        <location filename="../../flows/reissue_slip.py" line="132"/>
        <source>申请已受理，请取走回执</source>
        <translation>Application accepted; please take your receipt</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="125"/>
        <source>受理号 {acc}
请于 {day} 后到{place}扫描回执上的二维码领取新证。回执请妥善保管</source>
        <translation>Acceptance number {acc}
From {day}, scan the QR code on the receipt at {place} to collect your new card. Keep the receipt safe</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="141"/>
        <source>申请已受理，回执未能打印</source>
        <translation>Application accepted; the receipt could not be printed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="141"/>
        <source>申请已受理，回执可能没有打出</source>
        <translation>Application accepted; the receipt may not have printed</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="143"/>
        <source>受理号 {acc}
请拍下本页，于 {day} 后到{place}凭二维码领取；{reprint}（{why}）</source>
        <translation>Acceptance number {acc}
Please take a photo of this page. Collect your card after {day} at {place} with the QR code; {reprint} ({why})</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="164"/>
        <source>也可凭受理号和身份证明到服务窗口补打回执</source>
        <translation>a service counter can also reprint the slip: bring the acceptance number and proof of identity</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="165"/>
        <source>也可在任一自助机刷身份证补打回执</source>
        <translation>you can also reprint the slip at any kiosk by reading your ID card</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="174"/>
        <source>补打回执：请刷身份证</source>
        <translation>Reprint a slip: please place your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../flows/pickup.py" line="301"/>
        <location filename="../../flows/reissue.py" line="272"/>
        <location filename="../../flows/reissue_slip.py" line="181"/>
        <location filename="../../flows/reissue_slip.py" line="211"/>
        <source>正在查询您的申请，请稍候</source>
        <translation>Looking up your application, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="184"/>
        <source>没有查到您的申请</source>
        <translation>Your application was not found</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="192"/>
        <source>没有可补打回执的申请</source>
        <translation>No application with a slip to reprint</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="193"/>
        <source>没有查到您正在办理的身份证申请。已领取或已取消的申请不能补打回执</source>
        <translation>No ID card application in progress was found for you. Slips of collected or cancelled applications cannot be reprinted</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="215"/>
        <source>自助机暂时不能补打回执</source>
        <translation>This kiosk cannot reprint slips right now</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="82"/>
        <source>补打回执</source>
        <translation>Reprint a slip</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="83"/>
        <source>身份证申请的受理回执丢了，刷身份证补打</source>
        <translation>Lost the slip of your ID card application? Read your ID card to reprint it</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="86"/>
        <source>打印机暂不可用，回执二维码显示在屏幕上</source>
        <translation>Printer unavailable: the slip&apos;s QR code is shown on screen</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="148"/>
        <location filename="../../flows/unresolved.py" line="127"/>
        <source>请查看出纸口</source>
        <translation>please look at the paper slot</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="150"/>
        <source>回执未能打印，请拍下受理号和二维码</source>
        <translation>The receipt could not be printed; please photograph the acceptance number and QR code</translation>
    </message>
    <message>
        <location filename="../../flows/reissue_slip.py" line="153"/>
        <source>我已记下</source>
        <translation>I have noted it</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="69"/>
        <source>身份证换领补领</source>
        <translation>ID card renewal and reissue</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="70"/>
        <source>到期、损坏换领或丢失补领，现场拍照缴费</source>
        <translation>Renew an expiring or damaged card, or replace a lost one; photo and payment here</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="74"/>
        <source>读卡器暂不可用，可输入号码办理补领</source>
        <translation>Card reader unavailable: a lost-card reissue by typed number still works</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="75"/>
        <source>扫码器暂不可用，可用手机扫码支付</source>
        <translation>Scanner unavailable: pay by scanning a QR code with your phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/base.py" line="66"/>
        <source>请按屏幕上的提示操作。</source>
        <extracomment>actions that step back, give up or go round the step again: outlined, never drawn like the way on beside them (the step&apos;s way on is the one filled button) what Help says on this kind of screen when the view has no help of its own</extracomment>
        <translation>Follow the instructions on the screen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/busy.py" line="15"/>
        <source>正在为您办理，请稍候，不要离开。</source>
        <translation>We are working on it. Please wait and do not leave.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/choose.py" line="15"/>
        <source>轻触您要的一项。灰色的选项现在不能选，原因写在它的下方。</source>
        <translation>Touch the option you want. Grey options cannot be chosen now; the reason is shown below them.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/message.py" line="21"/>
        <source>请阅读屏幕上的内容，然后按下方的按钮继续。</source>
        <translation>Read the screen, then press a button below to continue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/watchdog.py" line="100"/>
        <source>界面停止响应超过 {s} 秒</source>
        <translation>The screen stopped responding for more than {s} s</translation>
    </message>
    <message>
        <location filename="../../devices/serial_port.py" line="22"/>
        <source>{device}端口设置无效：{err}</source>
        <translation>The {device} port setting is not valid: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/serial_port.py" line="25"/>
        <source>无法打开{device}端口 {port}：{err}</source>
        <translation>Cannot open the {device} port {port}: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="153"/>
        <source>测试页已打印</source>
        <translation>Test page printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="161"/>
        <source>已记录换纸，纸张提醒已清除</source>
        <translation>Paper refill recorded; paper alerts cleared</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="191"/>
        <source>{n} 号柜已打开</source>
        <translation>Compartment {n} is open</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="195"/>
        <source>{n} 号柜已清空</source>
        <translation>Compartment {n} cleared</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="199"/>
        <source>{n} 号柜已标记故障</source>
        <translation>Compartment {n} marked faulty</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/actions.py" line="203"/>
        <source>{n} 号柜已修复</source>
        <translation>Compartment {n} marked repaired</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/session.py" line="96"/>
        <location filename="../../kiosk/ui/maintenance/locker_load.py" line="55"/>
        <location filename="../../kiosk/ui/maintenance/panel.py" line="100"/>
        <source>未能完成：{why}</source>
        <translation>Could not be done: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/session.py" line="98"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/__init__.py" line="149"/>
        <source>输入错误次数过多，请 {s} 秒后再试</source>
        <translation>Too many wrong entries. Try again in {s} seconds</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/__init__.py" line="151"/>
        <source>此卡未登记为工作人员卡</source>
        <translation>This card is not enrolled as a staff card</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/__init__.py" line="153"/>
        <source>密码不正确</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/payment.py" line="23"/>
        <source>请用手机扫描屏幕上的二维码付款，或打开手机付款码对准扫码口。付款后请等待屏幕提示，不要离开。</source>
        <translation>Scan the QR code on the screen with your phone, or hold your phone payment code to the scanner. After paying, wait for the screen to confirm; do not leave.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/payment.py" line="34"/>
        <source>应缴金额</source>
        <translation>Amount to pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/payment.py" line="72"/>
        <source>剩余时间 {m}:{s}</source>
        <translation>Time left {m}:{s}</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="77"/>
        <source>请您对本次服务作出评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="78"/>
        <source>请您对本次服务作出评价，也可以跳过</source>
        <translation>Please rate this service, or skip</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="81"/>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="81"/>
        <source>不评价，直接结束</source>
        <translation>Finish without rating</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="86"/>
        <source>轻触一项评价本次服务：非常满意到非常不满意。不想评价请按“跳过”。评价不记录您的身份信息。</source>
        <translation>Touch one to rate this service, from very satisfied to very dissatisfied. Press &quot;Skip&quot; if you prefer not to rate. Ratings never record who you are.</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="112"/>
        <source>评价未能提交</source>
        <translation>The rating could not be sent</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="123"/>
        <source>我们会在 {due} 前处理并电话答复您。问询进展时请报评价编号 {ref}</source>
        <translation>We will look into it and call you back by {due}. To ask how it stands, quote rating number {ref}</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="129"/>
        <source>我们会在 {due} 前核实处理。问询进展时请报评价编号 {ref}</source>
        <translation>We will look into it by {due}. To ask how it stands, quote rating number {ref}</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="134"/>
        <source>感谢您的支持，欢迎再来</source>
        <translation>Thank you, and welcome back</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="136"/>
        <location filename="../../flows/rating.py" line="139"/>
        <source>感谢您的评价</source>
        <translation>Thank you for your rating</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="176"/>
        <source>请告诉我们哪里做得不好</source>
        <translation>Please tell us what went wrong</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="177"/>
        <source>请选择不满意的原因，可以多选，也可以写下来</source>
        <translation>Choose what you were unhappy with (one or more), or write it down</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="179"/>
        <source>其他想说的（可不填）</source>
        <translation>Anything else to tell us (optional)</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="218"/>
        <source>是否留下手机号码以便回访？</source>
        <translation>Leave a mobile number so we can call you back?</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="219"/>
        <source>如需工作人员回访，可以留下手机号码</source>
        <translation>If you would like a call back from staff, you can leave a mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="221"/>
        <source>留下手机号码</source>
        <translation>Leave my number</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="221"/>
        <source>仅用于回访，办结 {days} 天后删除</source>
        <translation>Used only to call you back; deleted {days} days after the case is closed</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="222"/>
        <source>不留号码</source>
        <translation>No number</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="222"/>
        <source>不需要回访</source>
        <translation>No call back needed</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="244"/>
        <source>手机号码（仅用于回访）</source>
        <translation>Mobile number (only for the call back)</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="281"/>
        <source>请您对本次自助办理作出评价</source>
        <translation>Please rate this self-service visit</translation>
    </message>
    <message>
        <location filename="../../flows/rating.py" line="302"/>
        <source>请对 {number} 号的服务作出评价</source>
        <translation>Please rate the service for number {number}</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="19"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="20"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="21"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="22"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="23"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="29"/>
        <source>等候或办理时间太长</source>
        <translation>Waiting or service took too long</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="30"/>
        <source>工作人员态度不好</source>
        <translation>Staff were unfriendly</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="31"/>
        <source>办事指南或告知不清楚</source>
        <translation>Guidance or information was unclear</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="32"/>
        <source>多次跑腿、材料反复要求</source>
        <translation>Sent back and forth, documents asked for again and again</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="33"/>
        <source>事情没有办成</source>
        <translation>It did not get done</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="34"/>
        <source>自助设备不好用</source>
        <translation>The self-service machine was hard to use</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="35"/>
        <source>其他原因</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="73"/>
        <source>评价等级应为 1 到 5</source>
        <translation>A rating must be 1 to 5</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/model.py" line="83"/>
        <source>手机号码应为以 1 开头的十一位数字</source>
        <translation>A mobile number has 11 digits and starts with 1</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="137"/>
        <source>没有找到这张号票：{number}</source>
        <translation>No such ticket: {number}</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="139"/>
        <source>{number} 还没有办理，办理后再评价</source>
        <translation>{number} has not been served yet; please rate after the service</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="146"/>
        <location filename="../../hall/ratings/store.py" line="199"/>
        <source>这张号票已经评价过了</source>
        <translation>This ticket has already been rated</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="161"/>
        <source>没有可评价的办理记录</source>
        <translation>There is nothing to rate</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="164"/>
        <location filename="../../hall/ratings/store.py" line="199"/>
        <source>本次办理已经评价过了</source>
        <translation>This visit has already been rated</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="193"/>
        <source>没有这个评价原因：{code}</source>
        <translation>No such rating reason: {code}</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="229"/>
        <source>请选择或填写没有办成的事</source>
        <translation>Please choose or write down what you could not get done</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="310"/>
        <source>备注不能为空</source>
        <translation>The note cannot be empty</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="315"/>
        <source>没有这条评价：{id}</source>
        <translation>No such rating: {id}</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="356"/>
        <source>没有这个编号：{ref}</source>
        <translation>No such reference number: {ref}</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="363"/>
        <source>请填写答复内容</source>
        <translation>Please write the reply</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="366"/>
        <location filename="../../hall/ratings/store.py" line="379"/>
        <source>{ref} 已经办结</source>
        <translation>{ref} is already closed</translation>
    </message>
    <message>
        <location filename="../../hall/ratings/store.py" line="449"/>
        <source>评价系统暂时无法使用，请稍后再试</source>
        <translation>Ratings are temporarily unavailable, please try again later</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="40"/>
        <source>系统正在启动，请稍候</source>
        <translation>The system is starting, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="42"/>
        <location filename="../../flows/unresolved.py" line="65"/>
        <source>暂时无法登记，请到服务台反映</source>
        <translation>Cannot take reports right now; please tell the service desk</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="35"/>
        <source>请告诉我们您没有办成的事</source>
        <translation>Tell us what you could not get done</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="36"/>
        <source>请选择没有办成的业务，或写下您要办的事</source>
        <translation>Choose the service you could not get done, or write down what you needed</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="38"/>
        <location filename="../../flows/unresolved.py" line="55"/>
        <source>其他事项</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="40"/>
        <source>写下您要办的事或遇到的问题（可不填）</source>
        <translation>Write what you needed or what went wrong (optional)</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="42"/>
        <source>选择一项业务，或在下方写下您要办的事。留下手机号码后，工作人员会在期限内给您答复。</source>
        <translation>Choose a service, or write below what you needed. Leave a mobile number and staff will answer you within the deadline.</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="61"/>
        <source>暂时无法登记</source>
        <translation>Cannot take your report right now</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="63"/>
        <source>{why}。请到服务台反映，或拨打 {phone}</source>
        <translation>{why}. Please tell the service desk, or call {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="74"/>
        <source>我们会在 {due} 前答复您</source>
        <translation>We will answer you by {due}</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="76"/>
        <source>请于 {due} 后凭编号到服务台查询答复</source>
        <translation>From {due}, ask at the service desk for the answer with this number</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="82"/>
        <location filename="../../flows/unresolved.py" line="85"/>
        <source>已登记，请取走凭条</source>
        <translation>Reported. Please take your slip</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="93"/>
        <source>已登记，请记下编号</source>
        <translation>Reported. Please note the number</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="95"/>
        <source>{answer}。凭条未能打印，请拍照或记下编号（{why}）</source>
        <translation>{answer}. The slip could not be printed: please photograph or note the number ({why})</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="96"/>
        <source>已登记，凭条未能打印，请记下编号</source>
        <translation>Reported. The slip could not be printed; please note the number</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="98"/>
        <source>我已记下编号</source>
        <translation>I have noted the number</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="123"/>
        <source>正在打印凭条</source>
        <translation>Printing your slip</translation>
    </message>
    <message>
        <location filename="../../flows/unresolved.py" line="123"/>
        <source>正在打印凭条，请稍候</source>
        <translation>Printing your slip, please wait</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="116"/>
        <location filename="../../kiosk/home.py" line="89"/>
        <source>办不成事反映</source>
        <translation>Could not get it done?</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="117"/>
        <source>没有办成的事，告诉我们</source>
        <translation>Tell us what you could not get done</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="119"/>
        <source>凭条暂不可用，编号显示在屏幕上</source>
        <translation>No slip now: the number is shown on screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/pick.py" line="35"/>
        <source>轻触选项选中它，再轻触一次取消；也可以用下方的键盘写几句话：输入拼音，在键盘上方选字，按“中/英”输入英文字母。选好后按“提交”。</source>
        <translation>Touch an option to select it, touch again to clear it; you can also write a few words with the keyboard below: type pinyin and pick the characters above the keys, or press &quot;中/EN&quot; to type English letters. Then press &quot;Submit&quot;.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/pick.py" line="83"/>
        <source>用下方的键盘输入</source>
        <translation>Type with the keyboard below</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/pick.py" line="97"/>
        <source>轻触这里输入</source>
        <translation>Touch here to type</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="20"/>
        <source>差评回访</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="20"/>
        <source>办不成事</source>
        <translation>Could not get it done</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="21"/>
        <source>已电话联系市民并解决</source>
        <translation>Called the citizen back and resolved it</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="24"/>
        <source>已告知办理地点和所需材料</source>
        <translation>Told the citizen where to go and what to bring</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="25"/>
        <source>已转交相关部门处理</source>
        <translation>Passed to the department responsible</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="40"/>
        <source>{n} 项回访或办不成事已超过答复期限</source>
        <translation>{n} follow-up items (bad ratings, things citizens could not get done) are past their deadline</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="123"/>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="42"/>
        <source>评价系统不可用</source>
        <translation>Ratings unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/followups.py" line="126"/>
        <source>{ref} 已办结</source>
        <translation>{ref} closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="50"/>
        <source>待办 {n} 项，其中超期 {late} 项</source>
        <translation>{n} open, {late} overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="52"/>
        <source>没有回访事项</source>
        <translation>No follow-up items</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="18"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="19"/>
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="20"/>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="61"/>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="55"/>
        <source>排队系统不可用</source>
        <translation>The queue system is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="63"/>
        <source>{name}已处于暂停状态</source>
        <translation>{name} is already paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="64"/>
        <source>{name}已暂停取号</source>
        <translation>{name}: tickets paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="73"/>
        <source>{name}已恢复取号</source>
        <translation>{name}: tickets resumed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="86"/>
        <source>今日没有 {n} 号</source>
        <translation>No ticket {n} today</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="93"/>
        <source>{n} 号票已补打</source>
        <translation>Ticket {n} reprinted</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="61"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="61"/>
        <source>期限 {due}</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="56"/>
        <source>轻触一项查看和答复</source>
        <translation>Touch an item to see and answer it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="76"/>
        <source>编号：{ref}（{kind}）</source>
        <translation>Reference: {ref} ({kind})</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="77"/>
        <source>受理：{at}，期限：{due}</source>
        <translation>Received: {at}, due: {due}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="78"/>
        <source>业务：{s}</source>
        <translation>Service: {s}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="79"/>
        <source>内容：{what}</source>
        <translation>What: {what}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="80"/>
        <source>回访电话：{phone}</source>
        <translation>Call-back number: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="80"/>
        <source>未留</source>
        <translation>none given</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="84"/>
        <source>答复：{reply}</source>
        <translation>Reply: {reply}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="88"/>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="88"/>
        <source>叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="89"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="90"/>
        <source>开始办理</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="91"/>
        <location filename="../../kiosk/ui/maintenance/followups.py" line="98"/>
        <source>办结</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/queue_desk.py" line="21"/>
        <location filename="../../kiosk/ui/counter_window.py" line="92"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="93"/>
        <source>暂缓</source>
        <translation>Hold</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="94"/>
        <source>转其他业务</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="95"/>
        <source>暂停办理</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="96"/>
        <source>恢复服务</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="97"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="122"/>
        <location filename="../../kiosk/ui/counter_window.py" line="270"/>
        <source>正在连接排队系统…</source>
        <translation>Connecting to the queue…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="151"/>
        <source>窗口登录</source>
        <translation>Counter login</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="152"/>
        <source>请选择本窗口：</source>
        <translation>Choose this counter:</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="168"/>
        <source>本窗口办理的业务（可多选）：</source>
        <translation>Services at this counter (several allowed):</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="179"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="190"/>
        <source>请至少选择一项业务</source>
        <translation>Choose at least one service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="237"/>
        <source>操作失败：{why}</source>
        <translation>Action failed: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="301"/>
        <source>（暂停中）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="307"/>
        <source>暂停服务中，恢复后可叫号</source>
        <translation>Paused: resume to call again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="307"/>
        <source>空闲，可叫下一位</source>
        <translation>Free: call the next citizen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="310"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="315"/>
        <source>已叫号 {n} 次，等待群众到窗口；叫满 {limit} 次可过号</source>
        <translation>Calls: {n}, waiting. No-show after {limit} calls</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="322"/>
        <source>已叫号 {n} 次仍未到窗口，可过号</source>
        <translation>Calls: {n}, no one came: No-show allowed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="343"/>
        <source>等候队列</source>
        <translation>Waiting lines</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="347"/>
        <source>{name}：{n} 人等候</source>
        <translation>{name}: {n} waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="349"/>
        <source>（暂缓）</source>
        <translation> (held)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="350"/>
        <source> 等 {n} 个</source>
        <translation> ({n} in all)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_window.py" line="351"/>
        <source>无人等候</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="70"/>
        <source>请稍候，等待叫号</source>
        <translation>Please wait to be called</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="80"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="87"/>
        <source>各窗口当前号码</source>
        <translation>Now at each counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="90"/>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="149"/>
        <source>语音叫号暂不可用，请留意屏幕显示</source>
        <translation>Voice calling is unavailable: please watch the screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="157"/>
        <source>与排队系统的连接中断，正在重新连接…</source>
        <translation>Connection to the queue lost, reconnecting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="168"/>
        <source>请 {number} 号到 {counter} 号窗口办理</source>
        <translation>Number {number}, please go to counter {counter}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="171"/>
        <source>请留意叫号</source>
        <translation>Please watch for your number to be called</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="181"/>
        <source>{number} → {counter} 号窗口</source>
        <translation>{number} → counter {counter}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="194"/>
        <location filename="../../kiosk/ui/counter_window.py" line="158"/>
        <location filename="../../kiosk/ui/counter_window.py" line="302"/>
        <source>{counter} 号窗口</source>
        <translation>Counter {counter}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="196"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="198"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/board_window.py" line="207"/>
        <source>{name}：{n} 人</source>
        <translation>{name}: {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/rating_pad.py" line="63"/>
        <location filename="../../kiosk/ui/rating_pad.py" line="130"/>
        <location filename="../../kiosk/ui/rating_pad.py" line="136"/>
        <source>办理完成后，请在这里为本次服务评价</source>
        <translation>After your service, please rate it here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/rating_pad.py" line="78"/>
        <source>评价系统暂时无法使用</source>
        <translation>Ratings are not available right now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/rating_pad.py" line="82"/>
        <source>服务评价</source>
        <translation>Rate the service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/rating_pad.py" line="118"/>
        <source>评价未能保存，请咨询工作人员</source>
        <translation>The rating could not be saved; please ask the staff</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="27"/>
        <source>退款未成功</source>
        <translation>Refund not completed</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="28"/>
        <source>已缴费但平台拒绝了申请</source>
        <translation>Paid, but the platform refused the application</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="29"/>
        <source>业务长时间未完成</source>
        <translation>Transaction open for a long time</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="34"/>
        <source>已在窗口退款</source>
        <translation>refunded at the counter</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="35"/>
        <source>已联系市民处理</source>
        <translation>citizen contacted</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="36"/>
        <source>经核对无需处理</source>
        <translation>checked, nothing owed</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="112"/>
        <source>申请已提交</source>
        <translation>application submitted</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="113"/>
        <source>已退款</source>
        <translation>refunded</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="114"/>
        <source>未扣款，订单已关闭</source>
        <translation>not charged, order closed</translation>
    </message>
    <message>
        <location filename="../../hall/handwork.py" line="115"/>
        <source>申请未创建，未扣款</source>
        <translation>application not created, not charged</translation>
    </message>
    <message>
        <location filename="../../hall/queue/pause.py" line="48"/>
        <source>{name}暂停取号，请稍后再来或到服务台咨询</source>
        <translation>{name}: tickets are paused. Please come back later or ask at the service desk</translation>
    </message>
    <message>
        <location filename="../../hall/reconcile.py" line="90"/>
        <source>没有能处理这笔业务的程序</source>
        <translation>Nothing on this kiosk can settle this transaction</translation>
    </message>
    <message>
        <location filename="../../hall/reconcile.py" line="104"/>
        <source>业务 {saga}（{kind}）长时间未能完成，请人工核对</source>
        <translation>Transaction {saga} ({kind}) has not completed for a long time; please check it by hand</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="44"/>
        <source>已取消</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="58"/>
        <source>证明须由市民在自助流程中重新打印；流水记录显示是否已付费</source>
        <translation>The certificate must be printed again from the journey; the journal shows whether it was paid</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="60"/>
        <source>打印服务未保留该任务的文件，无法重新打印</source>
        <translation>CUPS did not keep this job&apos;s file: it cannot be printed again</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="66"/>
        <source>打印任务 {job} 已取消</source>
        <translation>Print job {job} canceled</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="74"/>
        <source>打印队列中没有该任务</source>
        <translation>This job is not in the print queue</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/a4.py" line="78"/>
        <source>打印任务 {job} 已重新提交</source>
        <translation>Print job {job} sent again</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="52"/>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="66"/>
        <source>业务日志不可用</source>
        <translation>The transaction journal is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="55"/>
        <source>仍未能完成，本机稍后会自动重试</source>
        <translation>Still not completed; the kiosk will retry by itself later</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="57"/>
        <source>已处理：{outcome}</source>
        <translation>Settled: {outcome}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="68"/>
        <source>这笔业务已处理完毕</source>
        <translation>This transaction is already settled</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/journal_desk.py" line="70"/>
        <source>已记录人工处理</source>
        <translation>Recorded as settled by hand</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/power.py" line="19"/>
        <source>关机命令无法执行：{err}</source>
        <translation>The shutdown command could not run: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/power.py" line="22"/>
        <source>关机命令失败：{err}</source>
        <translation>The shutdown command failed: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/power.py" line="23"/>
        <source>正在关机</source>
        <translation>Shutting down</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="37"/>
        <source>读卡成功：{name}，{number}，有效期至 {until}</source>
        <translation>Card read: {name}, {number}, valid until {until}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="43"/>
        <source>扫码成功：{code}（{n} 位）</source>
        <translation>Code scanned: {code} ({n} characters)</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="46"/>
        <source>读卡失败：{why}</source>
        <translation>Card not read: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="47"/>
        <source>扫码失败：{why}</source>
        <translation>Code not scanned: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="96"/>
        <source>指纹检测已取消</source>
        <translation>Fingerprint check cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/readers.py" line="105"/>
        <source>指纹采集成功：{finger}，图像质量 {q}</source>
        <translation>Fingerprint taken: {finger}, image quality {q}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/camera.py" line="32"/>
        <source>本机没有摄像头</source>
        <translation>This kiosk has no camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/camera.py" line="39"/>
        <source>站在取景框前，按提示检查光线和位置；此处不拍照</source>
        <translation>Stand in front of the camera and check light and position by the hints; no photo is taken here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="26"/>
        <source>业务核对</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="39"/>
        <source>本机没有业务日志，或日志不可用</source>
        <translation>This kiosk has no transaction journal, or it is unavailable</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="49"/>
        <source>没有需要人工处理的业务</source>
        <translation>No transactions need a hand</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="55"/>
        <source>受理号 {acc}</source>
        <translation>Acceptance no. {acc}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="56"/>
        <source>订单 {order}</source>
        <translation>Order {order}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="57"/>
        <source>金额 {yuan} 元</source>
        <translation>Amount ¥{yuan}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="60"/>
        <source>平台已拒绝申请</source>
        <translation>platform refused the application</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="62"/>
        <source>重试，或已人工处理时选择原因：</source>
        <translation>Retry, or if it was settled by hand, choose why:</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/journal.py" line="64"/>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="20"/>
        <source>读卡扫码</source>
        <translation>Readers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="33"/>
        <source>请把身份证放在读卡区，读到的内容显示在下方（已遮挡）</source>
        <translation>Place an ID card on the reader; what it reads is shown below (masked)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="34"/>
        <source>请把二维码或条码对准扫码口，扫到的内容显示在下方（已遮挡）</source>
        <translation>Hold a QR code or barcode to the scanner; what it reads is shown below (masked)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="47"/>
        <source>按下按钮后把右手食指放在指纹仪上，显示图像质量（不保存指纹）</source>
        <translation>Press the button, then put the right index finger on the scanner: the image quality is shown (no print is kept)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="52"/>
        <source>取消指纹检测</source>
        <translation>Cancel fingerprint check</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="61"/>
        <source>测试指纹仪</source>
        <translation>Test the fingerprint scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="67"/>
        <source>本机没有读卡器或扫码器</source>
        <translation>This kiosk has no card reader or code scanner</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="69"/>
        <source>检测结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/maintenance/readers.py" line="71"/>
        <source>还没有读到内容</source>
        <translation>Nothing read yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/preview.py" line="127"/>
        <source>这是将要打印的证明。用“上一页”“下一页”翻看，内容无误请按“确认打印”。</source>
        <translation>This is the certificate that will print. Use Previous and Next to turn pages; if it is right, press Print.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/preview.py" line="133"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/preview.py" line="134"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/preview.py" line="139"/>
        <source>第 {page} 页 / 共 {pages} 页
轻触页面放大</source>
        <translation>Page {page} of {pages}
Tap the page to zoom</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/handover.py" line="85"/>
        <source>{n} 号柜门还没有关上，关门后再放入新柜格</source>
        <translation>Door {n} is still open; shut it before loading another compartment</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/handover.py" line="159"/>
        <source>业务系统未配置</source>
        <translation>No platform configured</translation>
    </message>
    <message>
        <location filename="../../hall/lockers/handover.py" line="167"/>
        <source>业务系统拒绝登记证件 {acc}：{why}，请人工核对</source>
        <translation>The platform refused to record card {acc}: {why}. Please check by hand</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/locker_door.py" line="60"/>
        <source>请到亮起的柜门取出证件，取出后请关好柜门。</source>
        <translation>Take your card from the lit door, then shut the door.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/locker_door.py" line="64"/>
        <source>{n} 号</source>
        <translation>No. {n}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="39"/>
        <source>未能放入：{why}</source>
        <translation>Not loaded: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="48"/>
        <source>已放入 {n} 号柜{told}</source>
        <translation>Loaded into compartment {n}{told}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="48"/>
        <source>，业务系统已登记</source>
        <translation>; the platform has it recorded</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="67"/>
        <source>证件领取（模拟工作人员和市民）</source>
        <translation>Card pickup (simulated staff and citizen)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="69"/>
        <source>先办理补换领，再放入取件柜，然后扫描回执领取</source>
        <translation>Apply for a reissue first, then load the card into the locker, then scan the slip to collect it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="86"/>
        <source>正在放入 {acc}</source>
        <translation>Loading {acc}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="93"/>
        <source>还没有打印过回执</source>
        <translation>No slip has been printed yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="96"/>
        <source>已扫描最近打印的回执</source>
        <translation>Scanned the slip printed last</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="99"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="100"/>
        <source>放入取件柜</source>
        <translation>Load into the locker</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_cards.py" line="108"/>
        <source>扫描最近打印的回执</source>
        <translation>Scan the slip printed last</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="30"/>
        <source>自助会话</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="34"/>
        <source>{service} 办完</source>
        <translation>{service} completed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="35"/>
        <source>{service} 中途放弃</source>
        <translation>{service} abandoned</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="37"/>
        <source>{service} 因故障未办成</source>
        <translation>{service} failed on a fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="49"/>
        <source>证明已打印</source>
        <translation>Certificates printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="50"/>
        <source>证件取件</source>
        <translation>ID cards collected</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="51"/>
        <source>支付成功</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="52"/>
        <source>退款</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../kiosk/maintenance/figures.py" line="72"/>
        <source>取号</source>
        <translation>Tickets issued</translation>
    </message>
    <message>
        <location filename="../../kiosk/left_card.py" line="17"/>
        <source>读卡器上留有一张身份证，请取回</source>
        <translation>An ID card has been left on the reader. Please take it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/left_card.py" line="57"/>
        <source>身份证遗留在读卡器上已超过 {m} 分钟，请工作人员取出保管</source>
        <translation>An ID card has been on the reader for over {m} min since its journey ended: staff, please take it into safekeeping.</translation>
    </message>
</context>
</TS>
