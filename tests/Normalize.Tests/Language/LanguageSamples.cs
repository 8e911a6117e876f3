namespace Normalize.Tests.Language;

/// <summary>News sentences we wrote in each language the issue lists (two per Latin and Cyrillic language).</summary>
public static class LanguageSamples
{
    public static readonly IReadOnlyList<(string Code, string Lead, string? Second)> All =
    [
        ("en", "The government said on Monday that it would send more air defence systems to the east of the country, where attacks on power stations have increased since the start of the winter.", null),
        ("de", "Die Regierung teilte am Montag mit, dass weitere Flugabwehrsysteme in den Osten des Landes geschickt werden, wo die Angriffe auf Kraftwerke seit Beginn des Winters zugenommen haben.", "Russland hat nach Angaben aus Kiew in der Nacht 1.250 Drohnen und 2,5 Tonnen Sprengstoff eingesetzt."),
        ("nl", "De regering maakte maandag bekend dat er meer luchtverdedigingssystemen naar het oosten van het land worden gestuurd, waar de aanvallen op elektriciteitscentrales sinds het begin van de winter zijn toegenomen.", "Rusland heeft volgens Kiev afgelopen nacht 1.250 drones ingezet, meldde het ministerie van Defensie."),
        ("fr", "Le gouvernement a annoncé lundi qu'il enverrait davantage de systèmes de défense aérienne dans l'est du pays, où les attaques contre les centrales électriques se sont multipliées depuis le début de l'hiver.", "La Russie a lancé cette nuit 1 250 drones contre Kiev, selon le ministère ukrainien de la Défense à Moscou."),
        ("es", "El Gobierno anunció el lunes que enviará más sistemas de defensa antiaérea al este del país, donde los ataques contra las centrales eléctricas han aumentado desde el comienzo del invierno.", "Rusia lanzó esta noche 1.250 drones contra Kiev, según el Ministerio de Defensa ucraniano."),
        ("it", "Il governo ha annunciato lunedì che invierà altri sistemi di difesa aerea nell'est del paese, dove gli attacchi contro le centrali elettriche sono aumentati dall'inizio dell'inverno.", "La Russia ha lanciato questa notte 1.250 droni contro Kiev, secondo il ministero della Difesa ucraino."),
        ("pt", "O governo anunciou na segunda-feira que vai enviar mais sistemas de defesa aérea para o leste do país, onde os ataques contra as centrais elétricas aumentaram desde o início do inverno.", "A Rússia lançou esta noite 1.250 drones contra Kiev, segundo o Ministério da Defesa ucraniano."),
        ("pl", "Rząd poinformował w poniedziałek, że wyśle więcej systemów obrony powietrznej na wschód kraju, gdzie od początku zimy nasiliły się ataki na elektrownie.", "Rosja wystrzeliła tej nocy 1250 dronów na Kijów, podało ukraińskie ministerstwo obrony."),
        ("ru", "Правительство в понедельник сообщило, что направит дополнительные системы противовоздушной обороны на восток страны, где с начала зимы участились удары по электростанциям.", "Россия этой ночью запустила по Киеву 1250 беспилотников, сообщило министерство обороны Украины."),
        ("uk", "Уряд у понеділок повідомив, що направить додаткові системи протиповітряної оборони на схід країни, де з початку зими почастішали удари по електростанціях.", "Росія цієї ночі запустила по Києву 1250 безпілотників, повідомило міністерство оборони України."),
        ("ca", "El Govern va anunciar dilluns que enviarà més sistemes de defensa antiaèria a l'est del país, on els atacs contra les centrals elèctriques han augmentat des del començament de l'hivern.", "Rússia va llançar aquesta nit 1.250 drons contra Kíiv, segons el Ministeri de Defensa ucraïnès."),
        ("gl", "O Goberno anunciou o luns que enviará máis sistemas de defensa antiaérea ao leste do país, onde os ataques contra as centrais eléctricas aumentaron desde o comezo do inverno.", "Rusia lanzou esta noite 1.250 drons contra Kiev, segundo o Ministerio de Defensa ucraíno."),
        ("hbs", "Vlada je u ponedjeljak objavila da će poslati dodatne sustave protuzračne obrane na istok zemlje, gdje su napadi na elektrane od početka zime sve češći.", "Rusija je noćas lansirala 1.250 dronova na Kijev, priopćilo je ukrajinsko ministarstvo obrane."),
        ("hbs", "Влада је у понедељак саопштила да ће послати додатне системе противваздушне одбране на исток земље, где су напади на електране од почетка зиме све чешћи.", "Русија је ноћас лансирала 1.250 дронова на Кијев, саопштило је украјинско министарство одбране."),
        ("tr", "Hükümet pazartesi günü yaptığı açıklamada, kışın başından bu yana elektrik santrallerine yönelik saldırıların arttığı ülkenin doğusuna daha fazla hava savunma sistemi göndereceğini bildirdi.", "Rusya bu gece Kiev'e 1.250 insansız hava aracı gönderdi, Ukrayna Savunma Bakanlığı açıkladı."),
        ("ar", "أعلنت الحكومة يوم الاثنين أنها سترسل مزيدا من أنظمة الدفاع الجوي إلى شرق البلاد، حيث ازدادت الهجمات على محطات الكهرباء منذ بداية الشتاء.", null),
        ("zh", "政府星期一宣布，将向该国东部派遣更多防空系统，自冬季开始以来，那里针对发电站的袭击有所增加。", null),
        ("ja", "政府は月曜日、冬の初めから発電所への攻撃が増えている国の東部に、さらに防空システムを送ると発表した。", null),
        ("ko", "정부는 월요일 겨울이 시작된 이후 발전소에 대한 공격이 늘어난 동부 지역에 방공 시스템을 추가로 보내겠다고 발표했다.", null),
    ];

    public static IEnumerable<object[]> Cases() => All.Select((s, i) => new object[] { i, s.Code });
}
