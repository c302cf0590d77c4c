<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../flows/catalog.py" line="10" />
        <location filename="../../kiosk/home.py" line="62" />
        <source>体验流程</source>
        <translation>Demo journey</translation>
    </message>
    <message>
        <location filename="../../flows/catalog.py" line="10" />
        <source>了解自助办理的步骤</source>
        <translation>See how self-service works</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="15" />
        <source>体验流程：请选择办理方式</source>
        <translation>Demo: choose how to proceed</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="16" />
        <source>请选择办理方式</source>
        <translation>Please choose how to proceed</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="18" />
        <source>输入手机号码</source>
        <translation>Enter a mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="18" />
        <source>用屏幕键盘输入</source>
        <translation>Type it on the screen keypad</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="19" />
        <source>刷身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="19" />
        <source>体验流程不读取身份证</source>
        <translation>The demo does not read ID cards</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="27" />
        <source>请输入手机号码</source>
        <translation>Enter your mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="28" />
        <source>请输入十一位手机号码</source>
        <translation>Please enter your 11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="29" />
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="39" />
        <source>手机号码应为以 1 开头的十一位数字，请重新输入</source>
        <translation>A mobile number has 11 digits and starts with 1. Please try again</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="44" />
        <source>办理完成</source>
        <translation>All done</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="45" />
        <source>办理完成，受理编号 {n}</source>
        <translation>All done. Your reference number is {n}</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="46" />
        <source>短信将发送到 {phone}</source>
        <translation>A text message will be sent to {phone}</translation>
    </message>
    <message>
        <location filename="../../flows/demo.py" line="49" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="46" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="87" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../flows/views.py" line="87" />
        <source>正在处理，请稍候</source>
        <translation>Working on it, please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="102" />
        <source>{device}：{why}</source>
        <translation>{device}: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="13" />
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="14" />
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="15" />
        <source>A4 打印机</source>
        <translation>A4 printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="16" />
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="17" />
        <source>取件柜</source>
        <translation>Pickup locker</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="41" />
        <source>本机暂不提供此业务</source>
        <translation>Not offered at this kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="49" />
        <source>{device}暂不可用：{why}</source>
        <translation>{device} unavailable: {why}</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="58" />
        <source>取号排队</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="59" />
        <source>身份证补换领</source>
        <translation>ID card reissue</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="60" />
        <source>证明打印</source>
        <translation>Print a certificate</translation>
    </message>
    <message>
        <location filename="../../kiosk/home.py" line="61" />
        <source>证件领取</source>
        <translation>Collect a document</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo.py" line="116" />
        <source>故障演示</source>
        <extracomment>extra steps contributed by service journeys: (name, walk(shell, snap))</extracomment>
        <translation>Fault demo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="56" />
        <source>您还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="57" />
        <source>还剩 {n} 秒</source>
        <translation>{n} seconds left</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="58" />
        <source>本次办理即将结束，您的信息将被清除</source>
        <translation>This session will end soon and your details will be cleared</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="59" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="72" />
        <location filename="../../kiosk/ui/shell.py" line="137" />
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="74" />
        <source>按屏幕提示操作；任何时候可按“首页”放弃本次办理，您的信息会被清除。</source>
        <translation>Follow the prompts on screen. Press "Home" at any time to stop; your details will be cleared.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="76" />
        <source>需要人工帮助请拨打：{phone}</source>
        <translation>For help from a person, call: {phone}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/overlays.py" line="78" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="25" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="27" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="28" />
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/entry.py" line="43" />
        <source>位数不足，请至少输入 {n} 位</source>
        <translation>Too short: please enter at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="33" />
        <source>抱歉，本次办理未能完成</source>
        <translation>Sorry, this could not be completed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="34" />
        <source>系统出现了问题，您的信息已清除，没有产生任何费用。请返回首页重新开始，或到服务台寻求帮助。</source>
        <translation>Something went wrong. Your details have been cleared and you have not been charged. Please start again from the home screen, or ask at the service desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="35" />
        <source>抱歉，本次办理未能完成，请返回首页重新开始</source>
        <translation>Sorry, this could not be completed. Please start again from the home screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="37" />
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="136" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/shell.py" line="288" />
        <source>您还在吗？请轻触屏幕继续</source>
        <translation>Are you still there? Touch the screen to continue</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="144" />
        <source>正在连接</source>
        <extracomment>seconds between poll() calls while connected</extracomment>
        <translation>Connecting</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="194" />
        <source>设备无响应</source>
        <translation>Device not responding</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="243" />
        <source>无法连接：{err}</source>
        <translation>Cannot connect: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="259" />
        <source>设备故障：{err}</source>
        <translation>Device fault: {err}</translation>
    </message>
    <message>
        <location filename="../../devices/base.py" line="262" />
        <source>设备已停止</source>
        <translation>Device stopped</translation>
    </message>
    <message>
        <location filename="../../devices/manager.py" line="55" />
        <source>本机未配置该设备</source>
        <translation>Not installed on this kiosk</translation>
    </message>
    <message>
        <location filename="../../devices/manager.py" line="77" />
        <source>驱动程序无法加载：{err}</source>
        <translation>Driver failed to load: {err}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/attract.py" line="26" />
        <source>24 小时自助服务</source>
        <translation>24-hour self-service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/attract.py" line="28" />
        <source>请轻触屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/attract.py" line="31" />
        <source>Touch the screen to start</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/base.py" line="64" />
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="39" />
        <location filename="../../kiosk/ui/shell.py" line="151" />
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="57" />
        <source>退出长者模式</source>
        <translation>Leave elderly mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="57" />
        <source>长者模式（大字体、慢节奏）</source>
        <translation>Elderly mode (large text, more time)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="19" />
        <source>设备模拟器</source>
        <translation>Device simulator</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/sim_panel.py" line="26" />
        <source>没有正在运行的模拟设备</source>
        <translation>No simulated devices running</translation>
    </message>
    <message>
        <location filename="../../devices/sim.py" line="124" />
        <source>拔出设备</source>
        <extracomment>the baud rate the driver should be configured with (ptys ignore it; delays may use it)</extracomment>
        <translation>Unplug device</translation>
    </message>
    <message>
        <location filename="../../devices/sim.py" line="125" />
        <source>插回设备</source>
        <translation>Plug device back in</translation>
    </message>
</context>
</TS>